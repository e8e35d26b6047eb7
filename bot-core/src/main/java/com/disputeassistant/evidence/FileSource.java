package com.disputeassistant.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Port a channel implements for one incoming file: fetches its bytes from the platform (Telegram's
 * {@code getFile} and file URL, Slack's {@code url_private} with the bot token, the playground's request
 * body).
 *
 * <p>What the adapter must do: return a fresh stream of the file's bytes on each call, and throw an
 * {@link IOException} when the platform does not deliver them (an HTTP error, a timeout, a file the
 * platform no longer has). The evidence intake in bot-core calls this once per attempt, reads the stream
 * to its end (or to its size limit) and closes it; after a failure it calls it again a few times before
 * it tells the person that the file could not be fetched. The adapter does not retry, does not check
 * sizes or types and keeps nothing itself: the intake does all of that, the same for every channel.
 * A stream must not be longer than the platform's file: the intake stops reading above its size limit.
 */
@FunctionalInterface
public interface FileSource {

    /** A new stream of the file's bytes, which the caller closes. */
    InputStream open() throws IOException;
}
