package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.testing.RedisTestSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong setting stops the whole application with Boot's report: what is wrong, what to do. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @TempDir
    Path dir;

    @Test
    void aMissingMarketplaceFileIsReportedWithWhatToDo(CapturedOutput output) {
        Path missing = dir.resolve("missing-marketplace.yml");

        assertThatThrownBy(() -> start("--dispute.marketplace.file=" + missing));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains(missing.toString())
                .contains("or unset it to use the bundled sample");
    }

    @Test
    void anInvalidProcedureSettingIsReportedWithWhatToDo(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispute.procedure.fee-rounds=0"));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("A setting under dispute.procedure is invalid")
                .contains("fee rounds >= 1");
    }

    private static void start(String setting) {
        SpringApplication app = new SpringApplication(DisputeAssistantApplication.class);
        app.run("--server.port=0", "--dispute.redis.url=" + RedisTestSupport.redisUrl(),
                "--dispute.redis.key-prefix=" + RedisTestSupport.uniquePrefix(), setting).close();
    }
}
