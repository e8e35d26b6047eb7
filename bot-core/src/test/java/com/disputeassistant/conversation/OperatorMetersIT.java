package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeGauges;
import com.disputeassistant.store.RedisIdentityLinks;
import com.disputeassistant.testing.PrometheusText;
import com.disputeassistant.timers.DeadlineTimers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted dispute through the one inbound path and the timers, on a real Redis, with every meter read
 * back from the Prometheus text (as {@code /actuator/prometheus} serves it) after each step: turns by
 * channel and result, their duration, open disputes by step, the mediators' queue and its oldest hand-off,
 * a claimed dispute past its deadline, and timers due, late and fired.
 */
class OperatorMetersIT {
    private static final ChannelIdentity ALICE = ChannelIdentity.of("web:alice");
    private static final ChannelIdentity MARIA = ChannelIdentity.of("web:maria");
    private static final ChannelIdentity STRANGER = ChannelIdentity.of("web:zed");

    private final ConversationFixture fixture = new ConversationFixture();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConversationEngine engine = fixture.newEngine();
    private final Delivery delivery = Delivery.none();
    private final ChatInbound inbound = new ChatInbound(engine, delivery, fixture.marketplace,
            new RedisIdentityLinks(fixture.redis, fixture.prefix, fixture.clock), ConversationFixture.SETTINGS,
            fixture.store, new ButtonRegistry(fixture.redis, fixture.prefix), List.of(), List.of(), meters);
    private final DeadlineTimers timers = new DeadlineTimers(fixture.store, engine, delivery, fixture.clock,
            Duration.ofSeconds(1), meters);

    {
        // Read on every scrape here, so each step's effect shows at once.
        DisputeGauges.register(meters, fixture.store, fixture.clock, Duration.ZERO);
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(meters.scrape());
    }

    private void says(ChannelIdentity who, String text, String deliveryId) {
        inbound.handle(ChatEvent.Text.direct(who, who.id(), text, deliveryId));
    }

    private static double turns(PrometheusText metrics, String result) {
        return metrics.value("dispute_turns_total", "channel", "web", "result", result);
    }

    @Test
    void eachStepOfADisputeMovesItsMeters() {
        PrometheusText start = scrape();
        assertThat(start.value("dispute_open", "step", "intake")).isZero();
        assertThat(start.value("dispute_handoffs_waiting")).isZero();

        says(ALICE, "menu", "web:1");
        inbound.handle(new ChatEvent.Choice(ALICE, ALICE.id(), OptionId.open("ORD-1"), "web:2"));
        says(ALICE, "menu", "web:1");
        says(STRANGER, "menu", "web:3");

        PrometheusText opened = scrape();
        assertThat(turns(opened, "applied")).as("the dispute opened").isEqualTo(1);
        assertThat(turns(opened, "refused")).as("a menu and a stranger, which change nothing").isEqualTo(2);
        assertThat(turns(opened, "duplicate")).as("web:1 delivered again").isEqualTo(1);
        assertThat(turns(opened, "failed")).isZero();
        assertThat(opened.value("dispute_turn_duration_seconds_count", "channel", "web"))
                .as("engine turns are timed; a duplicate and a stranger never reach the engine").isEqualTo(2);
        assertThat(opened.samples().stream().filter(s -> s.name().equals("dispute_turn_duration_seconds_bucket")))
                .as("the duration is a histogram").hasSizeGreaterThan(5);
        assertThat(opened.value("dispute_open", "step", "intake")).isEqualTo(1);

        says(ALICE, "human", "web:4");
        fixture.clock.advance(Duration.ofHours(2));

        PrometheusText handedOff = scrape();
        assertThat(handedOff.value("dispute_open", "step", "intake")).isZero();
        assertThat(handedOff.value("dispute_open", "step", "mediation")).isEqualTo(1);
        assertThat(handedOff.value("dispute_handoffs_waiting")).isEqualTo(1);
        assertThat(handedOff.value("dispute_handoffs_oldest_age_seconds")).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(handedOff.value("dispute_mediation_overdue")).isZero();

        DisputeId dispute = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        says(MARIA, "/claim " + dispute.value(), "web:5");

        PrometheusText claimed = scrape();
        assertThat(claimed.value("dispute_handoffs_waiting")).isZero();
        assertThat(claimed.value("dispute_handoffs_oldest_age_seconds")).isZero();
        assertThat(claimed.value("dispute_open", "step", "mediation")).isEqualTo(1);
        assertThat(claimed.value("dispute_timers_due")).isZero();

        fixture.clock.advance(ConversationFixture.SETTINGS.stepDeadlines().get(Step.MEDIATION)
                .plusHours(1));

        PrometheusText overdue = scrape();
        assertThat(overdue.value("dispute_mediation_overdue")).as("maria let the deadline pass").isEqualTo(1);
        assertThat(overdue.value("dispute_timers_due")).isEqualTo(1);
        assertThat(overdue.value("dispute_timers_lateness_seconds")).isGreaterThanOrEqualTo(Duration.ofHours(1).toSeconds());

        assertThat(timers.fireDue()).isEqualTo(1);

        PrometheusText requeued = scrape();
        assertThat(requeued.value("dispute_timers_fired_total", "result", "fired")).isEqualTo(1);
        assertThat(requeued.value("dispute_timers_due")).isZero();
        assertThat(requeued.value("dispute_timers_lateness_seconds")).isZero();
        assertThat(requeued.value("dispute_mediation_overdue")).isZero();
        assertThat(requeued.value("dispute_handoffs_waiting")).as("back in the queue").isEqualTo(1);
    }
}
