package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisConnectionsTest {

    @Test
    void addsTheDefaultPortAndKeepsEverythingElse() {
        URI uri = RedisConnections.parse("rediss://app:s%40cret@redis.example.com/2");

        assertThat(uri.getScheme()).isEqualTo("rediss");
        assertThat(uri.getHost()).isEqualTo("redis.example.com");
        assertThat(uri.getPort()).isEqualTo(6379);
        assertThat(uri.getUserInfo()).isEqualTo("app:s@cret");
        assertThat(uri.getPath()).isEqualTo("/2");
    }

    @Test
    void keepsAGivenPort() {
        assertThat(RedisConnections.parse(" redis://127.0.0.1:6390 ").getPort()).isEqualTo(6390);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                               | no Redis URL",
            "http://u:hunter2@localhost:6379  | starts with redis:// or rediss://",
            "localhost:6379                   | starts with redis:// or rediss://",
            "redis://                         | not a valid URL",
            "redis:///0                       | names no host",
            "redis://localhost:6379/cache     | database number",
            "redis://hunter2@localhost:6379   | user but no password",
            "redis://local host               | not a valid URL",
    })
    void explainsWhatIsWrongWithABadUrlWithoutShowingThePassword(String url, String explanation) {
        assertThatThrownBy(() -> RedisConnections.connect(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(explanation)
                .message().doesNotContain("hunter2");
    }

    @Test
    void refusesNoUrlAtAll() {
        assertThatThrownBy(() -> RedisConnections.connect(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Redis URL");
    }
}
