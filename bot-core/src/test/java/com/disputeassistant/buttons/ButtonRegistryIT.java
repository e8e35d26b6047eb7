package com.disputeassistant.buttons;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

class ButtonRegistryIT {
    private static final ChannelIdentity ALICE = ChannelIdentity.of("telegram:100001");
    private static final ChannelIdentity BOB = ChannelIdentity.of("telegram:100002");
    /** Options as the engine makes them: two actions at one step, then help and the menu. */
    private static final List<ReplyOption> STEP_OPTIONS = List.of(
            new ReplyOption("d:DABCDEFGH:3:ESCALATE", "Escalate"),
            new ReplyOption("d:DABCDEFGH:3:PROPOSE_RESOLUTION", "We solved it"),
            new ReplyOption("d:DABCDEFGH:3:HELP", "Help"),
            new ReplyOption("menu", "Menu"));

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private RedisClient redis;
    private String prefix;
    private ButtonRegistry buttons;

    @BeforeEach
    void fresh() {
        redis = testRedis.client();
        prefix = testRedis.prefix();
        buttons = new ButtonRegistry(redis, prefix);
    }

    @Test
    void givesShortOpaqueTokensThatResolveToTheOptionForItsRecipient() {
        List<String> tokens = buttons.register(ALICE, STEP_OPTIONS);

        assertThat(tokens).hasSize(4).doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64))
                .noneMatch(token -> token.contains("DABCDEFGH"));
        assertThat(buttons.press(tokens.get(0), ALICE)).isEqualTo(new ButtonPress.Accepted("d:DABCDEFGH:3:ESCALATE"));
        assertThat(buttons.register(ALICE, STEP_OPTIONS)).as("each message gets tokens of its own")
                .doesNotContainAnyElementsOf(tokens);
    }

    @Test
    void refusesAPressByAnyoneButTheRecipientAndLetsTheRecipientStillAnswer() {
        List<String> tokens = buttons.register(ALICE, STEP_OPTIONS);

        assertThat(buttons.press(tokens.get(0), BOB)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.NOT_YOURS));
        assertThat(buttons.press(tokens.get(0), ALICE)).isInstanceOf(ButtonPress.Accepted.class);
    }

    @Test
    void oneAnswerPerMessageButHelpAndMenuWorkAgainAndAgain() {
        List<String> tokens = buttons.register(ALICE, STEP_OPTIONS);

        assertThat(buttons.press(tokens.get(2), ALICE)).isEqualTo(new ButtonPress.Accepted("d:DABCDEFGH:3:HELP"));
        assertThat(buttons.press(tokens.get(0), ALICE)).isEqualTo(new ButtonPress.Accepted("d:DABCDEFGH:3:ESCALATE"));
        assertThat(buttons.press(tokens.get(0), ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.SPENT));
        assertThat(buttons.press(tokens.get(1), ALICE)).as("the message's other action is spent too")
                .isEqualTo(new ButtonPress.Refused(ButtonRegistry.SPENT));
        assertThat(buttons.press(tokens.get(2), ALICE)).isInstanceOf(ButtonPress.Accepted.class);
        assertThat(buttons.press(tokens.get(3), ALICE)).isEqualTo(new ButtonPress.Accepted("menu"));
        List<String> nextMessage = buttons.register(ALICE, STEP_OPTIONS);
        assertThat(buttons.press(nextMessage.get(1), ALICE)).as("another message is answered on its own")
                .isInstanceOf(ButtonPress.Accepted.class);
    }

    @Test
    void theSamePressDeliveredAgainIsAcceptedAgainButAnotherPressIsNot() {
        List<String> tokens = buttons.register(ALICE, STEP_OPTIONS);

        assertThat(buttons.press(tokens.get(0), ALICE, "telegram:update:7")).isInstanceOf(ButtonPress.Accepted.class);
        assertThat(buttons.press(tokens.get(0), ALICE, "telegram:update:7"))
                .as("redelivered after a crash: the engine decides, by delivery id").isInstanceOf(ButtonPress.Accepted.class);
        assertThat(buttons.press(tokens.get(0), ALICE, "telegram:update:8")).isEqualTo(new ButtonPress.Refused(ButtonRegistry.SPENT));
        assertThat(buttons.press(tokens.get(1), ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.SPENT));
    }

    @Test
    void refusesTokensItNeverGaveOrThatExpired() {
        String token = buttons.register(ALICE, STEP_OPTIONS).get(0);
        String forged = token.substring(0, token.indexOf('.')) + ".7";

        assertThat(buttons.press(forged, ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.UNKNOWN));
        assertThat(buttons.press("d:DABCDEFGH:3:ESCALATE", ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.UNKNOWN));
        assertThat(buttons.press("", ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.UNKNOWN));
        assertThat(buttons.press(null, ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.UNKNOWN));
        RedisTestSupport.deleteKeys(redis, prefix);
        assertThat(buttons.press(token, ALICE)).isEqualTo(new ButtonPress.Refused(ButtonRegistry.UNKNOWN));
    }

    @Test
    void buttonsExpireAfterTheirTimeToLive() {
        String token = buttons.register(ALICE, STEP_OPTIONS).get(0);
        String key = prefix + "button:{" + token.substring(0, token.indexOf('.')) + "}:0";

        assertThat(redis.ttl(key)).isPositive().isLessThanOrEqualTo(ButtonRegistry.TTL.toSeconds());
    }
}
