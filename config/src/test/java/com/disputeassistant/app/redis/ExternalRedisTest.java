package com.disputeassistant.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.app.StartupProblem;
import org.junit.jupiter.api.Test;

class ExternalRedisTest {

    @Test
    void showsWhereTheServerIsWithoutItsCredentials() {
        ExternalRedis redis = ExternalRedis.of(" rediss://bot:s3cret@redis.example.org:6380/2 ");

        assertThat(redis.url()).isEqualTo("rediss://bot:s3cret@redis.example.org:6380/2");
        assertThat(redis.location()).isEqualTo("rediss://redis.example.org:6380/2");
        assertThat(redis.publicDetails()).containsEntry("server", "external (REDIS_URL)")
                .containsEntry("location", "rediss://redis.example.org:6380/2");
        assertThat(redis.publicDetails().toString()).doesNotContain("s3cret");
        assertThat(redis.toString()).doesNotContain("s3cret");
    }

    @Test
    void keepsAPlainUrlAsItIs() {
        assertThat(ExternalRedis.of("redis://redis:6379").location()).isEqualTo("redis://redis:6379");
    }

    @Test
    void refusesWhatIsNotARedisUrlWithoutRepeatingIt() {
        for (String wrong : new String[] {"http://user:s3cret@host:6379", "localhost:6379", "redis://:s3cret@/0",
                "redis://user:s3cret@ho st:6379"}) {
            assertThatThrownBy(() -> ExternalRedis.of(wrong))
                    .as(wrong)
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("REDIS_URL")
                    .hasMessageNotContaining("s3cret")
                    .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("redis://localhost:6379"));
        }
    }
}
