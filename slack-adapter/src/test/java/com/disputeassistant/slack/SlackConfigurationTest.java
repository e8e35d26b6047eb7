package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.Channel;
import com.slack.api.bolt.App;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the channel is on, and that HTTP mode without a signing secret refuses to start. */
class SlackConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SlackConfiguration.class);

    @Test
    void withoutABotTokenTheChannelDefinesNothing() {
        runner.withPropertyValues("dispute.slack.bot-token=", "dispute.slack.signing-secret=s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Channel.class).doesNotHaveBean(App.class);
                });
    }

    @Test
    void httpModeWithoutASigningSecretRefusesToStartAndSaysWhatToSet() {
        runner.withPropertyValues("dispute.slack.bot-token=xoxb-1").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).hasMessageContaining("SLACK_SIGNING_SECRET").hasMessageContaining("SLACK_APP_TOKEN");
        });
    }

    @Test
    void settingsPickTheModeAndNormaliseTheApiUrl() {
        assertThat(SlackMode.of(new SlackSettings("", "xapp", "", "", null, null))).isEqualTo(SlackMode.DISABLED);
        assertThat(SlackMode.of(new SlackSettings("xoxb", "", "s", "", null, null))).isEqualTo(SlackMode.HTTP);
        assertThat(SlackMode.of(new SlackSettings("xoxb", "xapp", "", "", null, null))).isEqualTo(SlackMode.SOCKET);
        assertThat(new SlackSettings("xoxb", "", "s", "", null, null).apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(new SlackSettings("xoxb", "", "s", "http://127.0.0.1:9/api", null, null).apiUrl())
                .isEqualTo("http://127.0.0.1:9/api/");
    }
}
