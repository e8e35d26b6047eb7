package com.disputeassistant.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * A marketplace file with {@code n} orders, order {@code i} between client {@code c<i>} (on the web) and expert
 * {@code e<i>}, whose identity {@code expertIdentity} gives (web, Slack or Telegram).
 */
final class FaultMarketplace {
    private FaultMarketplace() {
    }

    static String client(int i) {
        return "web:c" + i;
    }

    static String order(int i) {
        return "ORD-" + i;
    }

    static Path write(int n, IntFunction<String> expertIdentity) throws IOException {
        StringBuilder yaml = new StringBuilder("people:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  - id: c").append(i).append("\n    name: Client").append(i)
                    .append("\n    identities: [").append(client(i)).append("]\n");
            yaml.append("  - id: e").append(i).append("\n    name: Expert").append(i)
                    .append("\n    identities: [").append(expertIdentity.apply(i)).append("]\n");
        }
        yaml.append("orders:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  - id: ").append(order(i)).append("\n    title: Editing job ").append(i)
                    .append("\n    client: c").append(i).append("\n    expert: e").append(i)
                    .append("\n    deliverables: [Line edit]\n    deadline: 2026-10-01\n    currency: EUR\n")
                    .append("    price: 100.00\n    paid: 100.00\n    delivery: DELIVERED\n");
        }
        Path file = Files.createTempFile("fault-marketplace", ".yml");
        Files.writeString(file, yaml);
        file.toFile().deleteOnExit();
        return file;
    }
}
