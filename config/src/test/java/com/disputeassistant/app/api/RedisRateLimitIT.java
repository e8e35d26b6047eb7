package com.disputeassistant.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimitIT {
    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void eachKeyHasItsOwnRequestsPerMinuteSharedByEveryInstance() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:15Z"), ZoneOffset.UTC);
        RedisRateLimit one = new RedisRateLimit(redis.client(), redis.prefix(), 3, clock);
        RedisRateLimit otherInstance = new RedisRateLimit(redis.client(), redis.prefix(), 3, clock);

        assertThat(one.take("shop")).isEmpty();
        assertThat(otherInstance.take("shop")).isEmpty();
        assertThat(one.take("shop")).isEmpty();
        assertThat(otherInstance.take("shop")).as("the fourth in the minute").hasValue(Duration.ofSeconds(45));
        assertThat(one.take("ops")).as("another key").isEmpty();

        RedisRateLimit nextMinute = new RedisRateLimit(redis.client(), redis.prefix(), 3,
                Clock.offset(clock, Duration.ofMinutes(1)));
        assertThat(nextMinute.take("shop")).isEmpty();
    }
}
