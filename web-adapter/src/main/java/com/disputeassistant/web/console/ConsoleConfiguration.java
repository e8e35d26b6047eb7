package com.disputeassistant.web.console;

import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.store.DisputeStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The console's parts: its room on the web channel (a {@link ChatRoom} bean, which the inbound path picks
 * up with the other platforms' rooms) and its reading of the store.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ChatRoom consoleChatRoom(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                             ProcedureSettings settings) {
        return ChatRoom.threaded(redis, keyPrefix, "web", ConsoleRoom.CONVERSATION, settings);
    }

    @Bean
    ConsoleRoom consoleRoom(@Qualifier("consoleChatRoom") ChatRoom consoleChatRoom) {
        return new ConsoleRoom(consoleChatRoom);
    }

    @Bean
    ConsoleDisputes consoleDisputes(DisputeStore store, Marketplace marketplace) {
        return new ConsoleDisputes(store, marketplace);
    }
}
