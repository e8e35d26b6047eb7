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
    void showsASentinelGroupAndAClusterByTheirHosts() {
        ExternalRedis sentinel = ExternalRedis.of("redis-sentinel://bot:s3cret@s1:26379,s2:26379/mymaster?"
                + "sentinel-password=s3cret");
        assertThat(sentinel.location()).isEqualTo("redis-sentinel://s1:26379,s2:26379/mymaster/0");
        assertThat(sentinel.toString() + sentinel.publicDetails()).doesNotContain("s3cret");
        assertThat(ExternalRedis.of("redis-cluster://n1:7000,n2:7001").location())
                .isEqualTo("redis-cluster://n1:7000,n2:7001");
    }

    @Test
    void namesEveryProblemOfABadUrl() {
        assertThatThrownBy(() -> ExternalRedis.of("redis-sentinel://s1:0,s2"))
                .hasMessageContaining("REDIS_URL (dispute.redis.url) cannot be used")
                .hasMessageContaining("port that is not a number from 1 to 65535 (host 1 of 2)")
                .hasMessageContaining("names no master");
    }

    @Test
    void keepsAPlainUrlAsItIs() {
        assertThat(ExternalRedis.of("redis://redis:6379").location()).isEqualTo("redis://redis:6379/0");
    }

    @Test
    void refusesWhatIsNotARedisUrlWithoutRepeatingIt() {
        for (String wrong : new String[] {"http://user:s3cret@host:6379", "localhost:6379", "redis://:s3cret@/0",
                "redis://user:s3cret@ho st:6379", "redis-sentinel://:s3cret@s1:26379", "redis-cluster://n1:x"}) {
            assertThatThrownBy(() -> ExternalRedis.of(wrong))
                    .as(wrong)
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("REDIS_URL")
                    .hasMessageNotContaining("s3cret")
                    .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("redis://localhost:6379")
                            .contains("redis-sentinel://"));
        }
    }
}
