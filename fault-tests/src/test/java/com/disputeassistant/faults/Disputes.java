package com.disputeassistant.faults;

import static org.assertj.core.api.Assertions.assertThat;

/** Brings a pair's dispute to the talking step, where whatever one party writes is passed on to the other. */
final class Disputes {
    private Disputes() {
    }

    /** Returns the id of the client's Escalate button. */
    static String openToTalking(Playground playground, int i) {
        String client = FaultMarketplace.client(i);
        assertThat(playground.says(client, "menu")).isEqualTo(200);
        assertThat(playground.pressesLabel(client, "Dispute " + FaultMarketplace.order(i) + ":")).isEqualTo(200);
        assertThat(playground.pressesLabel(client, "Delivered, not acceptable")).isEqualTo(200);
        assertThat(playground.says(client, "The edit of job " + i + " was not done")).isEqualTo(200);
        return playground.newestOption(client, "Escalate")
                .orElseThrow(() -> new AssertionError("no Escalate button for " + client)).id();
    }
}
