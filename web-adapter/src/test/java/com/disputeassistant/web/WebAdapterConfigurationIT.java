package com.disputeassistant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import redis.clients.jedis.UnifiedJedis;

/**
 * The configuration the application uses, in a real Spring MVC context on a real Redis, wired the two
 * ways the application may choose: importing it, or also scanning its package.
 */
class WebAdapterConfigurationIT {
    private static final UnifiedJedis REDIS = RedisConnections.connect(RedisTestSupport.redisUrl());

    private final String prefix = RedisTestSupport.uniquePrefix();
    private final WebApplicationContextRunner app = new WebApplicationContextRunner()
            .withBean(MainClassesOnly.class)
            .withBean(ConversationEngine.class, () -> mock(ConversationEngine.class))
            .withBean(ChatInbound.class, () -> mock(ChatInbound.class))
            .withBean(Marketplace.class, () -> mock(Marketplace.class))
            .withBean(DisputeStore.class, () -> mock(DisputeStore.class))
            .withBean(ProcedureSettings.class, ProcedureSettings::defaults)
            .withBean(EvidenceIntake.class, () -> mock(EvidenceIntake.class))
            .withBean(EvidenceFiles.class, () -> mock(EvidenceFiles.class))
            // The context's own client: the context closes it, as the app's does.
            .withBean(UnifiedJedis.class, () -> RedisConnections.connect(RedisTestSupport.redisUrl()))
            .withPropertyValues("dispute.redis.key-prefix=" + prefix);

    @AfterEach
    void removeKeys() {
        RedisTestSupport.deleteKeys(REDIS, prefix);
    }

    @AfterAll
    static void disconnect() {
        REDIS.close();
    }

    @Test
    void importedItProvidesTheWebChannelWithTheConfiguredKeyPrefixAndTheEndpoints() {
        app.withUserConfiguration(Mvc.class, WebAdapterConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ChatController.class).hasSingleBean(PeopleController.class)
                    .hasSingleBean(DisputeController.class).hasSingleBean(ApiErrors.class);
            assertThat(context.getBean(RequestMappingHandlerMapping.class).getHandlerMethods().keySet())
                    .extracting(Object::toString)
                    .anyMatch(mapping -> mapping.contains("/api/messages"))
                    .anyMatch(mapping -> mapping.contains("/api/inbox"));

            Channel web = context.getBean(Channel.class);
            assertThat(web.name()).isEqualTo("web");
            new RedisDisputeStore(REDIS, prefix, Clock.systemUTC()).queueReplies(null,
                    web.render(new OutboundMessage(Address.of(ChannelIdentity.of("web:zoe")), "hello", List.of())));
            assertThat(REDIS.lrange(prefix + "web:inbox:{web:zoe}", 0, -1)).hasSize(1);
        });
    }

    @Test
    void scanningThePackageAsWellRegistersEverythingOnce() {
        app.withUserConfiguration(Mvc.class, ScanningApp.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(WebChannel.class).hasSingleBean(ChatController.class)
                    .hasSingleBean(DisputeController.class).hasSingleBean(ApiErrors.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Mvc {
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "com.disputeassistant.web",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @Import(WebAdapterConfiguration.class)
    static class ScanningApp {
    }

    /** The application's scan sees this module's main classes only, never these tests and their helpers. */
    static class MainClassesOnly extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }
    }
}
