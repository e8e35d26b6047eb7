package com.disputeassistant.telegram.updates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatCommandTest {

    @Test
    void mapsEachRegisteredCommandToTheEnginesWord() {
        assertThat(ChatCommand.parse("/dispute").orElseThrow().command().engineText()).isEqualTo("menu");
        assertThat(ChatCommand.parse("/help").orElseThrow().command().engineText()).isEqualTo("help");
        assertThat(ChatCommand.parse("/human").orElseThrow().command().engineText()).isEqualTo("human");
    }

    @Test
    void readsTheStartPayloadAndIgnoresTheBotNameAndCase() {
        ChatCommand.Invocation start = ChatCommand.parse("  /START@DisputeTestBot   Ab_-9  ").orElseThrow();

        assertThat(start.command()).isEqualTo(ChatCommand.START);
        assertThat(start.argument()).isEqualTo("Ab_-9");
        assertThat(ChatCommand.parse("/start").orElseThrow().argument()).isEmpty();
    }

    @Test
    void otherTextIsNotACommandOfTheChannel() {
        assertThat(ChatCommand.parse("help")).isEmpty();
        assertThat(ChatCommand.parse("/fee 300")).isEmpty();
        assertThat(ChatCommand.parse("/")).isEmpty();
    }

    @Test
    void aCommandPickedInAGroupReachesTheEngineWithoutTheBotName() {
        assertThat(ChatCommand.withoutBotName(" /fee@DisputeTestBot 450 ")).isEqualTo("/fee 450");
        assertThat(ChatCommand.withoutBotName("/to client mail me@example.org")).isEqualTo("/to client mail me@example.org");
        assertThat(ChatCommand.withoutBotName("write to me@example.org")).isEqualTo("write to me@example.org");
        assertThat(ChatCommand.word("/Queue@DisputeTestBot")).contains("queue");
        assertThat(ChatCommand.word("queue")).isEmpty();
    }
}
