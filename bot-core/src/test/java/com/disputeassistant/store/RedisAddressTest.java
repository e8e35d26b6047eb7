package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.store.RedisAddress.Cluster;
import com.disputeassistant.store.RedisAddress.Credentials;
import com.disputeassistant.store.RedisAddress.Sentinel;
import com.disputeassistant.store.RedisAddress.Single;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.HostAndPort;

class RedisAddressTest {

    @Test
    void readsASingleServerWithTheDefaultPortAndDecodedCredentials() {
        RedisAddress address = RedisAddress.parse(" rediss://app:s%40cret+1@redis.example.com/2 ");

        assertThat(address).isEqualTo(new Single(new HostAndPort("redis.example.com", 6379), 2,
                new Credentials("app", "s@cret+1"), true));
        assertThat(address.location()).isEqualTo("rediss://redis.example.com:6379/2");
        assertThat(address.toString()).doesNotContain("s@cret");
        assertThat(RedisAddress.parse("redis://:pw@127.0.0.1:6390")).isEqualTo(new Single(
                new HostAndPort("127.0.0.1", 6390), 0, new Credentials(null, "pw"), false));
    }

    @Test
    void readsASentinelGroupWithTheMastersAndTheSentinelsCredentials() {
        RedisAddress address = RedisAddress.parse("rediss-sentinel://bot:m%2Fpw@s1,s2:26380,[::1]:26381/mymaster/3"
                + "?sentinel-user=watch&sentinel-password=s%26pw");

        assertThat(address).isEqualTo(new Sentinel("mymaster", List.of(new HostAndPort("s1", 26379),
                new HostAndPort("s2", 26380), new HostAndPort("::1", 26381)), 3, new Credentials("bot", "m/pw"),
                new Credentials("watch", "s&pw"), true));
        assertThat(address.location()).isEqualTo("rediss-sentinel://s1:26379,s2:26380,[::1]:26381/mymaster/3");
        assertThat(address.toString()).doesNotContain("m/pw").doesNotContain("s&pw");
        assertThat(RedisAddress.parse("redis-sentinel://127.0.0.1:26379/mymaster")).isEqualTo(new Sentinel("mymaster",
                List.of(new HostAndPort("127.0.0.1", 26379)), 0, Credentials.NONE, Credentials.NONE, false));
    }

    @Test
    void readsAClusterFromAnyOfItsNodes() {
        RedisAddress address = RedisAddress.parse("redis-cluster://:pw@n1:7000,n2:7001,n3");

        assertThat(address).isEqualTo(new Cluster(List.of(new HostAndPort("n1", 7000), new HostAndPort("n2", 7001),
                new HostAndPort("n3", 6379)), new Credentials(null, "pw"), false));
        assertThat(address.location()).isEqualTo("redis-cluster://n1:7000,n2:7001,n3:6379");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                              | no Redis URL",
            "http://u:hunter2@localhost:6379                 | starts with redis://, rediss:// (TLS), redis-sentinel://",
            "localhost:6379                                  | starts with redis://",
            "redis://                                        | names no host",
            "redis:///0                                      | names no host",
            "redis://localhost:6379/cache                    | database that is not a number",
            "redis://hunter2@localhost:6379                  | user but no password",
            "redis://local host                              | host name that is not valid",
            "redis://u:hunter2@/0                            | names no host",
            "redis://localhost:99999                         | port that is not a number from 1 to 65535",
            "redis://a:6379,b:6379                           | names 2 hosts: for Sentinel write redis-sentinel://",
            "redis://localhost?tls=yes                       | parameter it does not know (tls)",
            "redis://u:hunter2%zz@localhost                  | broken %-encoding",
            "redis-sentinel://s1:26379,s2:26379              | names no master",
            "redis-sentinel://s1,,s3/m                       | empty host (host 2 of 3)",
            "redis-sentinel://s1/m?sentinel-user=x           | sentinel-user but no sentinel-password",
            "redis-sentinel://s1/m?sentinel-pasword=hunter2  | known: sentinel-user, sentinel-password",
            "redis-cluster://n1:7000/1                       | a Redis Cluster has database 0 only",
    })
    void explainsWhatIsWrongWithABadUrlWithoutShowingThePassword(String url, String explanation) {
        assertThatThrownBy(() -> RedisAddress.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(explanation)
                .message().doesNotContain("hunter2").doesNotContain("er2");
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThatThrownBy(() -> RedisAddress.parse("redis-sentinel://hunter2@s1:0,s 2"))
                .hasMessageContaining("user but no password")
                .hasMessageContaining("port that is not a number from 1 to 65535 (host 1 of 2)")
                .hasMessageContaining("host name that is not valid (host 2 of 2)")
                .hasMessageContaining("names no master")
                .message().doesNotContain("hunter2");
    }

    @Test
    void connectTakesASingleServerOnly() {
        assertThatThrownBy(() -> RedisConnections.connect("redis-cluster://n1:7000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single Redis server");
        assertThatThrownBy(() -> RedisConnections.connect(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Redis URL");
    }

    @Test
    void aReplicaWaitNeverWaitsForeverNorForANegativeCount() {
        assertThatThrownBy(() -> new ReplicaWait(-1, java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("0 (no wait) or more");
        assertThatThrownBy(() -> new ReplicaWait(1, java.time.Duration.ZERO)).hasMessageContaining("from 1 ms to 60 s");
    }
}
