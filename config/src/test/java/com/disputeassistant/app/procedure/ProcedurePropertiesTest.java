package com.disputeassistant.app.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.app.StartupProblems;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Reminder;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code dispute.procedure.*} from the shipped application.yml and from overrides, to bot-core's settings. */
class ProcedurePropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(ProcedureConfiguration.class);

    @Test
    void theShippedApplicationYmlHoldsBotCoresDefaultsAndTheTwoMediators() {
        context.run(app -> assertThat(app.getBean(ProcedureSettings.class)).isEqualTo(
                ProcedureSettings.defaults().withMediators(
                        Set.of(ChannelIdentity.of("web:maria"), ChannelIdentity.of("web:omar")))));
    }

    @Test
    void bindsEverySetting() {
        context.withPropertyValues(
                        "dispute.procedure.rework-time=7d",
                        "dispute.procedure.extension-cap=0",
                        "dispute.procedure.extra-rework-rounds=2",
                        "dispute.procedure.fee-tolerance-percent=25",
                        "dispute.procedure.fee-rounds=5",
                        "dispute.procedure.step-deadlines.task-review=12h",
                        "dispute.procedure.step-deadlines.FEE=PT36H",
                        "dispute.procedure.reminders=25%, 12h, PT2H",
                        "dispute.procedure.mediators[0]=slack:T01MARKET/U09STAFF  Maria Lopez ",
                        "dispute.procedure.mediators[1]=web:omar",
                        "dispute.procedure.reannounce-after=45m",
                        "dispute.procedure.expected-mediator-wait=1d")
                .run(app -> {
                    ProcedureSettings settings = app.getBean(ProcedureSettings.class);
                    assertThat(settings.reworkTime()).isEqualTo(Duration.ofDays(7));
                    assertThat(settings.extensionCap()).isZero();
                    assertThat(settings.extraReworkRounds()).isEqualTo(2);
                    assertThat(settings.feeTolerancePercent()).isEqualTo(25);
                    assertThat(settings.feeRounds()).isEqualTo(5);
                    assertThat(settings.deadlineOf(Step.TASK_REVIEW)).isEqualTo(Duration.ofHours(12));
                    assertThat(settings.deadlineOf(Step.FEE)).isEqualTo(Duration.ofHours(36));
                    assertThat(settings.deadlineOf(Step.TALKING)).isEqualTo(Duration.ofDays(3));
                    assertThat(settings.reminders()).containsExactly(Reminder.atShareOfTime(25),
                            Reminder.before(Duration.ofHours(12)), Reminder.before(Duration.ofHours(2)));
                    assertThat(settings.mediators()).containsExactlyInAnyOrder(ChannelIdentity.of("slack:T01MARKET/U09STAFF"),
                            ChannelIdentity.of("web:omar"));
                    assertThat(settings.mediatorName(ChannelIdentity.of("slack:T01MARKET/U09STAFF"))).isEqualTo("Maria Lopez");
                    assertThat(settings.mediatorName(ChannelIdentity.of("web:omar"))).as("no name given").isEqualTo("omar");
                    assertThat(settings.reannounceAfter()).isEqualTo(Duration.ofMinutes(45));
                    assertThat(settings.expectedMediatorWait()).isEqualTo(Duration.ofDays(1));
                });
    }

    @Test
    void howLongAMediatorMayHoldAClaimedDisputeIsTheMediationStepsDeadline() {
        context.run(app -> assertThat(app.getBean(ProcedureSettings.class).deadlineOf(Step.MEDIATION))
                .as("shipped default").isEqualTo(Duration.ofDays(2)));
        context.withPropertyValues("dispute.procedure.step-deadlines.mediation=36h").run(app ->
                assertThat(app.getBean(ProcedureSettings.class).deadlineOf(Step.MEDIATION)).isEqualTo(Duration.ofHours(36)));
    }

    @Test
    void anEmptyReminderListSendsNone() {
        context.withPropertyValues("dispute.procedure.reminders=").run(app ->
                assertThat(app.getBean(ProcedureSettings.class).reminders()).isEmpty());
    }

    @Test
    void aReminderThatIsNeitherAShareNorADurationStopsTheStartSayingHowToWriteOne() {
        context.withPropertyValues("dispute.procedure.reminders=50%, tomorrow").run(app -> {
            assertThat(app).hasFailed();
            StartupProblem problem = StartupProblems.in(app.getStartupFailure());
            assertThat(problem).hasMessageContaining("dispute.procedure")
                    .hasMessageContaining("'tomorrow' is not a reminder: write a share of the step's time such as 50%");
        });
    }

    @Test
    void settingsLeftOutTakeBotCoresDefaults() {
        ProcedureProperties nothingSet = new ProcedureProperties(null, null, null, null, null, null, null, null, null, null);

        assertThat(nothingSet.toSettings()).isEqualTo(ProcedureSettings.defaults());
    }

    @Test
    void anOutOfRangeValueStopsTheStartNamingTheSetting() {
        context.withPropertyValues("dispute.procedure.fee-tolerance-percent=150").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class);
            StartupProblem problem = StartupProblems.in(app.getStartupFailure());
            assertThat(problem).hasMessageContaining("dispute.procedure")
                    .hasMessageContaining("fee tolerance is a percentage from 0 to 100");
            assertThat(problem.action()).contains("application.yml");
        });
    }

    @Test
    void aMediatorThatIsNotAChannelIdentityStopsTheStartNamingIt() {
        context.withPropertyValues("dispute.procedure.mediators[0]=web:maria", "dispute.procedure.mediators[1]=omar")
                .run(app -> {
                    assertThat(app).hasFailed();
                    assertThat(StartupProblems.in(app.getStartupFailure()))
                            .hasMessage("dispute.procedure.mediators[1] is 'omar', which is not a channel identity.");
                });
    }

    @Test
    void aValueOfTheWrongTypeStopsTheStartNamingTheProperty() {
        context.withPropertyValues("dispute.procedure.rework-time=soon").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).hasCauseInstanceOf(ConfigurationPropertiesBindException.class)
                    .hasMessageContaining("dispute.procedure");
        });
    }

    @Test
    void anUnknownStepStopsTheStart() {
        context.withPropertyValues("dispute.procedure.step-deadlines.talkin=1d").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).hasStackTraceContaining("talkin");
        });
    }
}
