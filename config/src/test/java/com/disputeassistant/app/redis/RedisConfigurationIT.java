package com.disputeassistant.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Which Redis the application wires, and that the one it starts stops with it. */
class RedisConfigurationIT {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RedisConfiguration.class, SystemClock.class);

    @TempDir
    Path dataDir;

    @Test
    void withoutAUrlStartsTheEmbeddedRedisAndStopsItWithTheApplication() {
        String[] url = new String[1];
        context.withPropertyValues("dispute.redis.embedded.data-dir=" + dataDir).run(app -> {
            RedisTarget target = app.getBean(RedisTarget.class);
            assertThat(target).isInstanceOf(EmbeddedRedis.class);
            assertThat(((EmbeddedRedis) target).dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
            app.getBean(UnifiedJedis.class).set("da:kept", "yes");
            assertThat(app).hasSingleBean(DisputeStore.class);
            url[0] = target.url();
        });

        assertThat(dataDir.resolve(LeftoverRedisServer.PID_FILE_NAME)).doesNotExist();
        try (RedisClient client = RedisClient.create(url[0])) {
            assertThatThrownBy(client::ping).isInstanceOf(JedisConnectionException.class);
        }
        try (EmbeddedRedis again = EmbeddedRedis.start(dataDir, 0); RedisClient client = RedisClient.create(again.url())) {
            assertThat(client.get("da:kept")).isEqualTo("yes");
        }
    }

    @Test
    void withAUrlUsesThatServerAndStartsNoRedis() {
        Path unused = dataDir.resolve("unused");
        context.withPropertyValues("dispute.redis.url=" + RedisTestSupport.redisUrl(),
                        "dispute.redis.embedded.data-dir=" + unused)
                .run(app -> {
                    assertThat(app.getBean(RedisTarget.class)).isInstanceOf(ExternalRedis.class);
                    assertThat(app.getBean(UnifiedJedis.class).ping()).isEqualTo("PONG");
                });
        assertThat(unused).doesNotExist();
    }

    @Test
    void refusesAnEmbeddedPortOutOfRange() {
        context.withPropertyValues("dispute.redis.embedded.data-dir=" + dataDir, "dispute.redis.embedded.port=70000")
                .run(app -> {
                    assertThat(app).hasFailed();
                    assertThat(app.getStartupFailure())
                            .hasStackTraceContaining("dispute.redis.embedded.port must be 0 (pick a free port) or 1-65535");
                });
        assertThat(dataDir.resolve(DataDirectoryLock.FILE_NAME)).doesNotExist();
    }

    @Test
    void refusesToStartAPrivateEmbeddedRedisWhereInstancesMustShareOne() {
        context.withPropertyValues("dispute.redis.embedded.data-dir=" + dataDir, "dispute.instances=2")
                .run(app -> assertThat(app.getStartupFailure()).rootCause().isInstanceOf(StartupProblem.class)
                        .hasMessageContaining("dispute.instances is 2, but REDIS_URL is not set")
                        .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("Set REDIS_URL")));
        context.withPropertyValues("dispute.redis.embedded.data-dir=" + dataDir, "dispute.redis.embedded.enabled=false")
                .run(app -> assertThat(app.getStartupFailure()).rootCause().isInstanceOf(StartupProblem.class)
                        .hasMessageContaining("The embedded Redis is turned off"));
        context.withPropertyValues("dispute.redis.embedded.data-dir=" + dataDir, "dispute.redis.wait-replicas=1")
                .run(app -> assertThat(app.getStartupFailure()).rootCause().isInstanceOf(StartupProblem.class)
                        .hasMessageContaining("the embedded Redis has no replicas"));
        assertThat(dataDir.resolve(DataDirectoryLock.FILE_NAME)).as("no embedded Redis was started").doesNotExist();
    }

    @Test
    void severalInstancesStartWithASharedRedis() {
        context.withPropertyValues("dispute.redis.url=" + RedisTestSupport.redisUrl(), "dispute.instances=3",
                        "dispute.redis.embedded.enabled=false")
                .run(app -> assertThat(app.getBean(UnifiedJedis.class).ping()).isEqualTo("PONG"));
    }

    @Test
    void refusesARedisClusterUntilTheCommitScriptsAreSingleSlotUnlessExperimental() {
        context.withPropertyValues("dispute.redis.url=redis-cluster://127.0.0.1:7000,127.0.0.1:7001")
                .run(app -> assertThat(app.getStartupFailure()).rootCause().isInstanceOf(StartupProblem.class)
                        .hasMessageContaining("Redis Cluster needs the single-slot scripts")
                        .satisfies(e -> assertThat(((StartupProblem) e).action())
                                .contains("dispute.redis.experimental-cluster=true")));
        context.withPropertyValues("dispute.redis.url=redis-cluster://127.0.0.1:7000",
                        "dispute.redis.experimental-cluster=true", "dispute.redis.wait-replicas=1")
                .run(app -> assertThat(app.getStartupFailure()).rootCause()
                        .hasMessageContaining("wait-replicas is 1, which a Redis Cluster does not support yet"));
    }

    @Test
    void refusesABadUrlNamingEverythingWrongWithIt() {
        context.withPropertyValues("dispute.redis.url=redis-sentinel://bot:s3cret@s1:0,/")
                .run(app -> assertThat(app.getStartupFailure()).rootCause().isInstanceOf(StartupProblem.class)
                        .hasMessageContaining("port that is not a number from 1 to 65535 (host 1 of 2)")
                        .hasMessageContaining("empty host (host 2 of 2)")
                        .hasMessageContaining("names no master")
                        .hasMessageNotContaining("s3cret"));
    }

    @Test
    void refusesABlankKeyPrefix() {
        context.withPropertyValues("dispute.redis.url=" + RedisTestSupport.redisUrl(), "dispute.redis.key-prefix= ")
                .run(app -> assertThat(app.getStartupFailure())
                        .hasStackTraceContaining("dispute.redis.key-prefix must not be blank"));
    }

    @Test
    void aStartWhoseWritesTooFewReplicasConfirmSaysSoAndWhatToDo() {
        // The test's Redis has no replica: the first script the start runs is not confirmed by the one asked for.
        context.withUserConfiguration(WritesAtStart.class)
                .withPropertyValues("dispute.redis.url=" + RedisTestSupport.redisUrl(), "dispute.redis.wait-replicas=1",
                        "dispute.redis.wait-timeout=50ms")
                .run(app -> {
                    assertThat(app).hasFailed();
                    FailureAnalysis analysis = new TooFewReplicasFailureAnalyzer().analyze(app.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("did not confirm the start's writes on enough replicas")
                            .contains("reached 0 of the 1 replicas");
                    assertThat(analysis.getAction()).contains("dispute.redis.wait-replicas");
                });
        // Boot's own analyzers need arguments it gives them at a failure; here they are left out.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null,
                (type, name, failure) -> { }))
                .as("registered for Boot's start-up report")
                .anyMatch(analyzer -> analyzer instanceof TooFewReplicasFailureAnalyzer);
        assertThat(new TooFewReplicasFailureAnalyzer().analyze(new JedisDataException("WRONGTYPE not a hash")))
                .as("other answers are not about replicas").isNull();
    }

    /** Runs a script while the application starts, as the marketplace file's import does. */
    @Configuration(proxyBeanMethods = false)
    static class WritesAtStart {
        @Bean
        Object firstWrite(UnifiedJedis redis) {
            return redis.eval("return redis.call('SET', KEYS[1], 'x', 'PX', 1000)", 1,
                    RedisTestSupport.uniquePrefix() + "first-write");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SystemClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
