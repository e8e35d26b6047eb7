package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words a person can type at any time, the language command among them. */
class TypedCommandTest {

    @Test
    void theLanguageCommandWithOrWithoutASlashAndInGerman() {
        assertThat(TypedCommand.of("/language")).isEqualTo(TypedCommand.LANGUAGE);
        assertThat(TypedCommand.of("/language de")).isEqualTo(TypedCommand.LANGUAGE);
        assertThat(TypedCommand.of("language en")).isEqualTo(TypedCommand.LANGUAGE);
        assertThat(TypedCommand.of("/Sprache DE")).isEqualTo(TypedCommand.LANGUAGE);
        assertThat(TypedCommand.languageArgument("/language de")).isEqualTo("de");
        assertThat(TypedCommand.languageArgument("language")).isEmpty();
    }

    @Test
    void wordsThatOnlyStartLikeTheCommandAreText() {
        assertThat(TypedCommand.of("language barrier")).isEqualTo(TypedCommand.NONE);
        assertThat(TypedCommand.of("The language is fine")).isEqualTo(TypedCommand.NONE);
        assertThat(TypedCommand.of("/language xx")).as("answered with the choices").isEqualTo(TypedCommand.LANGUAGE);
    }

    @Test
    void theGermanWordsOfTheOtherCommands() {
        assertThat(TypedCommand.of("Menü")).isEqualTo(TypedCommand.MENU);
        assertThat(TypedCommand.of("hilfe")).isEqualTo(TypedCommand.HELP);
        assertThat(TypedCommand.of("Geld zurück")).isEqualTo(TypedCommand.MONEY_BACK);
    }
}
