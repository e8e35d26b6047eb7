package com.disputeassistant.web.console;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Updates without reloading, as server-sent events: a dispute's page hears when the dispute changed (a
 * party's message, a claim by someone else, a new step), the start page when the mediators' queue did.
 * Each event's data is the new version; the page then fetches itself again and swaps in what changed.
 *
 * <p>The state is in Redis, so each open stream reads it there every {@link #INTERVAL} (two small reads)
 * and sends an event only when the version moved: a change made through any instance, on any channel,
 * reaches every page. The first event is the version at connection time, so a change between the page's
 * rendering and its subscription is not lost. A stream ends after {@link #LIFETIME} (the browser's
 * {@code EventSource} reconnects by itself), when the browser goes, and when the application stops.
 */
@Controller
class ConsoleLive {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Open streams per instance; more are refused with 503 and the page keeps working without updates. */
    static final int MAX_STREAMS = 500;
    private static final Logger log = LoggerFactory.getLogger(ConsoleLive.class);

    private final StaffDirectory directory;
    private final ConsoleDisputes disputes;
    private final MessageSource texts;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-live");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    ConsoleLive(StaffDirectory directory, ConsoleDisputes disputes, MessageSource texts) {
        this.directory = directory;
        this.disputes = disputes;
        this.texts = texts;
    }

    @GetMapping(path = "/console/disputes/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter dispute(@PathVariable("id") String id, Principal principal) {
        StaffMember member = directory.find(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, text("account.gone")));
        DisputeId disputeId = parse(id);
        Dispute dispute = disputes.load(disputeId).filter(d -> ConsoleDisputes.mayRead(member, d))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, text("dispute.not-yours")));
        return stream(() -> disputes.load(disputeId).map(disputes::version).orElse(""), disputes.version(dispute));
    }

    @GetMapping(path = "/console/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter queue(Principal principal) {
        directory.find(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, text("account.gone")));
        return stream(disputes::queueVersion, disputes.queueVersion());
    }

    private SseEmitter stream(Supplier<String> version, String first) {
        if (open.size() >= MAX_STREAMS) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, text("live.busy"));
        }
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        AtomicReference<String> sent = new AtomicReference<>(first);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable end = () -> {
            open.remove(emitter);
            Optional.ofNullable(task.get()).ifPresent(t -> t.cancel(false));
        };
        emitter.onCompletion(end);
        emitter.onTimeout(() -> {
            end.run();
            emitter.complete();
        });
        emitter.onError(error -> end.run());
        open.add(emitter);
        send(emitter, first, end);
        task.set(ticks.scheduleWithFixedDelay(() -> {
            try {
                String now = version.get();
                if (!now.equals(sent.get())) {
                    sent.set(now);
                    send(emitter, now, end);
                }
            } catch (RuntimeException e) {
                // Redis away for a moment: the stream stays, the next tick reads again.
                log.debug("A console stream could not read Redis: {}", e.getMessage());
            }
        }, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
        if (!open.contains(emitter)) {
            // Ended while it was being set up.
            end.run();
        }
        return emitter;
    }

    private static void send(SseEmitter emitter, String version, Runnable end) {
        try {
            emitter.send(SseEmitter.event().name("version").data(version));
        } catch (IOException | IllegalStateException e) {
            // The browser went away (Spring has completed the emitter already): this stream is over.
            end.run();
        }
    }

    /** The browser went away (another page, a closed tab): the stream is over, with nothing to answer or log. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void browserLeft() {
        // nothing: the connection is gone
    }

    /** Ends every stream before the server stops, so that its graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        ticks.shutdownNow();
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    int openStreams() {
        return open.size();
    }

    private DisputeId parse(String id) {
        try {
            return new DisputeId(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, text("dispute.unknown"));
        }
    }

    private String text(String key) {
        return texts.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
