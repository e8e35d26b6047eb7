package com.disputeassistant.buttons;

import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;

/**
 * Maps the buttons of outbound messages to opaque tokens, in Redis, so any instance can resolve a press.
 *
 * <p>A token is {@code <message>.<n>}: 16 random URL-safe characters naming the message, then the
 * button's position; at most 20 ASCII characters, well inside Telegram's 64-byte {@code callback_data}
 * and Slack's limits, and unguessable. Each button is a hash {@code P button:{MESSAGE}:N} holding the
 * option, the identity it was sent to, and whether it is single use ({@link ReplyOption#singleUse()});
 * the first press of a single-use button marks the message {@code P button:{MESSAGE}:spent}, after
 * which every single-use button of that message is refused: one answer per question, and a double tap
 * is not a second answer. The engine still checks that the option belongs to the dispute's current
 * step, so a button from an older message is refused there.
 *
 * <p>All keys of a message share its hash tag. Buttons expire after {@link #TTL}. For a client that
 * shows no buttons, {@code P button:latest:IDENTITY} names the latest message whose options a person may
 * pick by typing their number.
 */
public final class ButtonRegistry {
    static final Duration TTL = Duration.ofDays(30);
    /* Why a press is refused: keys of the texts, which the channel says in the presser's language. */
    static final String UNKNOWN = "button.UNKNOWN";
    static final String NOT_YOURS = "button.NOT_YOURS";
    static final String SPENT = "button.SPENT";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16}\\.\\d{1,3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /*
     * KEYS: the message's key prefix, the recipient's latest-message pointer. ARGV: ttl, the message id or ''
     * (the message's options cannot be picked by number: the pointer is dropped), then per button: index,
     * recipient, option id, '1' if single use.
     */
    private static final String REGISTER = """
            for i = 3, #ARGV, 4 do
              local key = KEYS[1] .. ARGV[i]
              redis.call('HSET', key, 'to', ARGV[i + 1], 'option', ARGV[i + 2], 'once', ARGV[i + 3])
              redis.call('EXPIRE', key, ARGV[1])
            end
            if ARGV[2] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[1]) end
            return 1
            """;

    /* KEYS: the recipient's latest-message pointer. ARGV: key prefix of buttons, index. The token, if that button exists. */
    private static final String NUMBERED = """
            local message = redis.call('GET', KEYS[1])
            if not message then return false end
            if redis.call('EXISTS', ARGV[1] .. message .. '}:' .. ARGV[2]) == 0 then return false end
            return message .. '.' .. ARGV[2]
            """;

    /*
     * KEYS: the button, the message's spent marker. ARGV: presser, ttl, the press's delivery id or ''.
     * The marker holds the delivery id of the press that spent the message, so the same press delivered
     * again (after a crash before the engine applied it) is accepted again; the engine applies it once.
     */
    private static final String PRESS = """
            local button = redis.call('HMGET', KEYS[1], 'to', 'option', 'once')
            if not button[1] then return {'unknown'} end
            if button[1] ~= ARGV[1] then return {'not_yours'} end
            if button[3] == '1' then
              local marker = ARGV[3] ~= '' and ARGV[3] or ARGV[1]
              if not redis.call('SET', KEYS[2], marker, 'NX', 'EX', ARGV[2])
                  and (ARGV[3] == '' or redis.call('GET', KEYS[2]) ~= ARGV[3]) then
                return {'spent'}
              end
            end
            return {'accepted', button[2]}
            """;

    private final UnifiedJedis redis;
    private final String prefix;

    public ButtonRegistry(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** Registers one message's buttons for its recipient; returns their tokens, in the same order. */
    public List<String> register(ChannelIdentity recipient, List<ReplyOption> options) {
        return register(recipient, options, false);
    }

    /**
     * Registers one message's buttons for its recipient and returns their tokens, in the same order. With
     * {@code numbered}, the message becomes the recipient's latest numbered one: typing {@code 2} then
     * picks its second option ({@link #numbered}); without, a number they type is theirs again (a fee).
     */
    public List<String> register(ChannelIdentity recipient, List<ReplyOption> options, boolean numbered) {
        Objects.requireNonNull(recipient, "recipient");
        if (options.isEmpty()) {
            if (numbered) {
                redis.del(latestKey(recipient));
            }
            return List.of();
        }
        if (options.size() > 999) {
            throw new IllegalArgumentException("a message has at most 999 buttons, not " + options.size());
        }
        String message = newMessageId();
        List<String> args = new ArrayList<>(2 + options.size() * 4);
        args.add(Long.toString(TTL.toSeconds()));
        args.add(numbered ? message : "");
        List<String> tokens = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            ReplyOption option = options.get(i);
            args.add(Integer.toString(i));
            args.add(recipient.toString());
            args.add(option.id());
            args.add(option.singleUse() ? "1" : "0");
            tokens.add(message + "." + i);
        }
        redis.eval(REGISTER, List.of(messageKey(message) + ":", latestKey(recipient)), args);
        return tokens;
    }

    /**
     * The token of option {@code number} (from 1) of the latest numbered message sent to this person,
     * if it has one: the text fallback for a client that shows no buttons.
     */
    public Optional<String> numbered(ChannelIdentity recipient, int number) {
        if (number < 1 || number > 999) {
            return Optional.empty();
        }
        Object token = redis.eval(NUMBERED, List.of(latestKey(recipient)),
                List.of(prefix + "button:{", Integer.toString(number - 1)));
        return Optional.ofNullable(token instanceof String text ? text : null);
    }

    private String latestKey(ChannelIdentity recipient) {
        return prefix + "button:latest:" + recipient;
    }

    /** Resolves a press of {@code token} by {@code presser}; a refusal has changed nothing. */
    public ButtonPress press(String token, ChannelIdentity presser) {
        return press(token, presser, null);
    }

    /**
     * Resolves a press the platform identifies by {@code deliveryId}: a redelivery of the press that
     * spent the message is accepted again, so a crash between this call and the engine's turn loses
     * nothing (the engine applies a delivery id once).
     */
    public ButtonPress press(String token, ChannelIdentity presser, String deliveryId) {
        Objects.requireNonNull(presser, "presser");
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new ButtonPress.Refused(UNKNOWN);
        }
        int dot = token.indexOf('.');
        String message = messageKey(token.substring(0, dot));
        List<?> reply = (List<?>) redis.eval(PRESS, List.of(message + ":" + token.substring(dot + 1), message + ":spent"),
                List.of(presser.toString(), Long.toString(TTL.toSeconds()), deliveryId == null ? "" : deliveryId));
        return switch ((String) reply.get(0)) {
            case "accepted" -> new ButtonPress.Accepted((String) reply.get(1));
            case "not_yours" -> new ButtonPress.Refused(NOT_YOURS);
            case "spent" -> new ButtonPress.Refused(SPENT);
            default -> new ButtonPress.Refused(UNKNOWN);
        };
    }

    private String messageKey(String message) {
        return prefix + "button:{" + message + "}";
    }

    private static String newMessageId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
