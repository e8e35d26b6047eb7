package com.disputeassistant.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A bare expression of dissatisfaction is not a task, in either language the bot speaks. */
class TaskWordingTest {

    @Test
    void germanDissatisfactionIsNotATaskButAGermanTaskIs() {
        assertThat(TaskWording.isConcrete("Ich bin nicht zufrieden")).isFalse();
        assertThat(TaskWording.isConcrete("Das ist schlechte Arbeit")).isFalse();
        assertThat(TaskWording.isConcrete("Bitte alles nochmal machen")).isFalse();
        assertThat(TaskWording.isConcrete("Kapitel 4 und 5 Zeile für Zeile lektorieren")).isTrue();
        assertThat(TaskWording.isConcrete("Die Zusammenfassung ins Englische übersetzen")).isTrue();
    }

    @Test
    void englishStaysAsItWas() {
        assertThat(TaskWording.isConcrete("I'm not happy")).isFalse();
        assertThat(TaskWording.isConcrete("Fix the figure numbering in chapter 3")).isTrue();
    }
}
