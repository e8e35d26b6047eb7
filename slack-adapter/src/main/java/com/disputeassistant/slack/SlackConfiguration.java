package com.disputeassistant.slack;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.inbound.InboundMeters;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.RedisSendLimits;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.slack.http.SlackEventsController;
import com.disputeassistant.slack.http.SlackSignature;
import com.disputeassistant.slack.linking.SlackIdentities;
import com.disputeassistant.slack.sending.SlackSender;
import com.disputeassistant.slack.socket.SlackSocketMode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Wires the Slack channel into an application when {@code SLACK_BOT_TOKEN} is set: the {@code slack}
 * {@link com.disputeassistant.conversation.Channel} (with its outbox and sender), the Bolt app and its
 * handlers, the inbox that keeps acked requests until they are handled and its worker, the mediators' room
 * ({@code SLACK_MEDIATORS_CHANNEL}, optional), and either the {@code POST /slack/events} endpoint (HTTP mode, {@code SLACK_SIGNING_SECRET}
 * required) or a Socket Mode connection ({@code SLACK_APP_TOKEN} set). Without the token it defines
 * nothing but one log line saying how to enable it.
 *
 * <p>Expects in the context: the inbound path ({@code ChatInbound}), {@code ReplyTokens},
 * {@code ConversationEngine}, {@code Marketplace}, {@code ProcedureSettings} and a Jedis {@code UnifiedJedis};
 * a {@link Clock} if there is one, and {@code dispute.redis.key-prefix}. It defines the Slack room (a
 * {@code ChatRoom}) and {@code ConfirmedEmails} for the inbound path to pick up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackSettings.class)
public class SlackConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    @Bean
    @Conditional(SlackMode.Disabled.class)
    Object slackDisabledNotice() {
        log.info("Slack is disabled. To enable it, set SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or "
                + "SLACK_SIGNING_SECRET (HTTP mode); see README.md, \"Slack\".");
        return new Object();
    }

    /** The Slack room among the rooms of every platform, or null when Slack has none. */
    private static ChatRoom roomOf(ObjectProvider<ChatRoom> rooms) {
        return rooms.orderedStream().filter(room -> SlackChannel.NAME.equals(room.channel())).findFirst().orElse(null);
    }

    /** The Bolt app: Bolt's own signature check is off, as the endpoint verifies more strictly first. */
    static App boltApp(Slack slack, SlackSettings settings) {
        return new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
                .requestVerificationEnabled(false)
                // The bot's identity is checked once, when the app starts (see startChecked): kept for good
                // after that, so that no request waits on auth.test within Slack's three seconds.
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(-1)
                // Events the app has no handler for are still acked, or Slack would send them again.
                .allEventsApiAutoAckEnabled(true)
                .build());
    }

    /**
     * Starts the Bolt app now, which checks the bot token with auth.test, rather than inside the first
     * request (Bolt starts an app on its first request otherwise). When Slack cannot be reached now, the
     * app still starts, and the first request checks again.
     */
    static void startChecked(App app) {
        try {
            app.start();
            log.info("Slack accepted the bot token (auth.test)");
        } catch (RuntimeException e) {
            log.warn("Could not check the Slack bot token at start, the first request will: {}", e.getMessage());
        }
    }

    /** The beans of an enabled Slack channel. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(SlackMode.Enabled.class)
    static class Enabled {
        private final SlackSettings settings;
        private final String keyPrefix;
        private final Clock clock;
        private final MeterRegistry meters;

        Enabled(SlackSettings settings, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
            this.meters = meters.getIfAvailable(InboundMeters::none);
            settings.requireUsable();
            this.settings = settings;
            this.keyPrefix = keyPrefix;
            this.clock = clock.getIfAvailable(Clock::systemUTC);
            log.info("Slack is enabled in {} mode, Web API at {}", SlackMode.of(settings), settings.apiUrl());
        }

        @Bean
        Slack slack() {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(settings.apiUrl());
            return Slack.getInstance(config);
        }

        @Bean
        MethodsClient slackMethods(Slack slack) {
            return slack.methods(settings.botToken());
        }

        @Bean
        Outbox slackOutbox(UnifiedJedis redis) {
            return new Outbox(redis, keyPrefix, SlackChannel.NAME);
        }

        /** The mediators' room, when {@code SLACK_MEDIATORS_CHANNEL} is set. */
        @Bean
        @Conditional(SlackMode.MediatorsRoom.class)
        ChatRoom slackRoom(UnifiedJedis redis, ProcedureSettings procedure) {
            log.info("Slack mediators work in the room {}", settings.mediatorsChannel());
            return ChatRoom.threaded(redis, keyPrefix, SlackChannel.NAME, settings.mediatorsChannel(), procedure);
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        OutboxSender slackOutboxSender(Outbox slackOutbox, ObjectProvider<ChatRoom> slackRoom,
                                       ObjectProvider<EvidenceFiles> evidence, UnifiedJedis redis) {
            SlackSender sender = new SlackSender(settings.apiUrl(), settings.botToken(), evidence.getIfAvailable());
            return new OutboxSender(slackOutbox, new SlackRoomSender(sender, roomOf(slackRoom)), settings.pacing(),
                    new RedisSendLimits(redis, keyPrefix, settings.sharedLimits(), "app"), clock, meters);
        }

        @Bean
        SlackChannel slackChannel(Outbox slackOutbox, ReplyTokens tokens, ObjectProvider<ChatRoom> slackRoom) {
            if (roomOf(slackRoom) == null) {
                log.info("Slack mediators get direct messages. To give them a room, set SLACK_MEDIATORS_CHANNEL "
                        + "to a channel's id; see README.md, \"For mediators on Slack\".");
            }
            return new SlackChannel(slackOutbox, tokens, roomOf(slackRoom));
        }

        /** Slack confirms its users' e-mail addresses: the inbound path links a user by theirs. */
        @Bean
        SlackIdentities slackIdentities(MethodsClient slackMethods) {
            return new SlackIdentities(slackMethods);
        }

        @Bean
        SlackInbox slackInbox(UnifiedJedis redis) {
            return new SlackInbox(redis, keyPrefix, meters);
        }

        @Bean
        SlackInbound slackInbound(ChatInbound inbound, ConversationEngine engine, MethodsClient slackMethods,
                                  SlackInbox slackInbox, SlackIdentities slackIdentities) {
            return new SlackInbound(inbound, engine, new AppHome(engine), slackMethods, slackInbox,
                    settings.mediatorsChannel(), slackIdentities, new SlackFiles(settings.botToken(), settings.apiUrl()));
        }

        /** Handles the requests kept in the inbox, this instance's and those of a stopped one. */
        @Bean(initMethod = "start", destroyMethod = "close")
        OutboxSender slackInboxWorker(SlackInbox slackInbox, SlackInbound slackInbound) {
            return slackInbox.worker(slackInbound::handle, clock, SlackInbox.TAKE_OVER_AFTER, meters);
        }

        @Bean
        App slackApp(Slack slack, SlackInbound slackInbound) {
            App app = boltApp(slack, settings);
            slackInbound.registerOn(app);
            return app;
        }

        @Bean
        @Conditional(SlackMode.Http.class)
        SlackEventsController slackEventsController(App slackApp) {
            startChecked(slackApp);
            return new SlackEventsController(slackApp, new SlackSignature(settings.signingSecret(), clock),
                    InboundMeters.refused(meters, SlackChannel.NAME));
        }

        @Bean
        @Conditional(SlackMode.Socket.class)
        SlackSocketMode slackSocketMode(App slackApp) {
            return new SlackSocketMode(settings.appToken(), slackApp);
        }
    }
}
