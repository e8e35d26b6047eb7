package com.disputeassistant.telegram.linking;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.telegram.BotInstance;
import com.disputeassistant.telegram.TelegramUser;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /start <code>} deep links against the polling bot: Carol is known only on the web until she
 * links a Telegram account with a code the marketplace signed. One bot for the class; each test has its
 * own code and its own Telegram users (a person may link several).
 */
class DeepLinkIT {
    private static final AtomicInteger CODES = new AtomicInteger();
    private static final FakeBotApi api = new FakeBotApi();
    private static final String prefix = RedisTestSupport.uniquePrefix();
    private static BotInstance bot;
    private static Marketplace marketplace;

    private final LinkCodes codes = new LinkCodes(BotInstance.LINK_SECRET);
    // A code is its person and expiry: a distinct expiry gives each test its own code.
    private final String carolsCode = codes.mint(new PersonId("carol"),
            Instant.now().plus(Duration.ofHours(1)).plusSeconds(CODES.incrementAndGet()));

    @BeforeAll
    static void start() {
        bot = BotInstance.start(api, prefix);
        marketplace = bot.bean(Marketplace.class);
    }

    @AfterAll
    static void stop() {
        bot.closeAll();
    }

    @Test
    void aValidCodeLinksTheTelegramAccountAndShowsThePersonsMenu() {
        TelegramUser carol = user(100003);

        carol.says("/start " + carolsCode).received("now linked to the marketplace account of Carol");
        carol.received("What would you like to do?");
        carol.presses("Dispute ORD-2");
        carol.received("What is the problem?");

        assertThat(marketplace.personByIdentity(ChannelIdentity.of("telegram:100003")).orElseThrow().id())
                .isEqualTo(new PersonId("carol"));
    }

    @Test
    void aCodeWorksOnceOnly() {
        user(100004).says("/start " + carolsCode).received("now linked");
        TelegramUser other = user(100005);

        other.says("/start " + carolsCode).received("already been used");

        assertThat(marketplace.personByIdentity(ChannelIdentity.of("telegram:100005"))).isEmpty();
    }

    @Test
    void anExpiredCodeLinksNothing() {
        String expired = codes.mint(new PersonId("carol"), Instant.now().minusSeconds(1));
        TelegramUser carol = user(100006);

        carol.says("/start " + expired).received("has expired");

        assertThat(marketplace.personByIdentity(ChannelIdentity.of("telegram:100006"))).isEmpty();
    }

    @Test
    void aTamperedOrForeignCodeLinksNothing() {
        TelegramUser carol = user(100007);
        String tampered = carolsCode.substring(0, 10) + (carolsCode.charAt(10) == 'x' ? 'y' : 'x') + carolsCode.substring(11);
        String foreign = new LinkCodes("not the shared secret").mint(new PersonId("carol"), Instant.now().plusSeconds(600));

        carol.says("/start " + tampered).received("isn't valid");
        carol.says("/start " + foreign).received("isn't valid");
        carol.says("/start not-a-code").received("isn't valid");

        assertThat(marketplace.personByIdentity(ChannelIdentity.of("telegram:100007"))).isEmpty();
        // A refused code spends nothing: the real one still works.
        carol.says("/start " + carolsCode).received("now linked");
    }

    @Test
    void aTelegramAccountOfOnePersonCannotBeLinkedToAnother() {
        TelegramUser alice = user(100001);

        alice.says("/start " + carolsCode).received("already linked to another marketplace account");

        assertThat(marketplace.personByIdentity(ChannelIdentity.of("telegram:100001")).orElseThrow().id())
                .isEqualTo(new PersonId("alice"));
        user(100008).says("/start " + carolsCode).received("now linked");
    }

    private static TelegramUser user(long id) {
        return bot.user(id);
    }
}
