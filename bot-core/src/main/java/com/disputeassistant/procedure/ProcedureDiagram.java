package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@link TransitionTable} drawn as a Mermaid {@code stateDiagram-v2}, for the README: steps as states,
 * an arrow per pair of steps labelled with the triggers that lead from one to the other (with the branch
 * where a trigger has several), and each step's internal transitions written inside it. Generated, never
 * edited by hand, so it always shows the procedure that runs.
 */
final class ProcedureDiagram {

    private ProcedureDiagram() {
    }

    static String mermaid(TransitionTable table) {
        Map<List<Step>, Set<String>> arrows = new LinkedHashMap<>();
        Map<Step, Set<String>> staying = new EnumMap<>(Step.class);
        Map<List<Object>, Set<Branch>> branches = new HashMap<>();
        for (TransitionTable.Row row : table.rows()) {
            branches.computeIfAbsent(List.of(row.source(), row.trigger()), key -> new LinkedHashSet<>()).add(row.branch());
        }
        for (TransitionTable.Row row : table.rows()) {
            boolean branchMatters = branches.get(List.of(row.source(), row.trigger())).size() > 1;
            String label = words(row.trigger().name()) + (branchMatters ? " (" + words(row.branch().name()) + ")" : "");
            if (row.internal()) {
                staying.computeIfAbsent(row.source(), step -> new LinkedHashSet<>()).add(label);
            } else {
                arrows.computeIfAbsent(List.of(row.source(), row.target()), key -> new LinkedHashSet<>()).add(label);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("stateDiagram-v2");
        lines.add("    [*] --> " + Step.INTAKE);
        staying.forEach((step, labels) -> labels.forEach(label -> lines.add("    " + step + " : " + label)));
        // Arrows grouped by the step they leave, each group in the order the procedure defines them.
        arrows.entrySet().stream().sorted(Comparator.comparing(arrow -> arrow.getKey().get(0)))
                .forEach(arrow -> lines.add("    " + arrow.getKey().get(0) + " --> " + arrow.getKey().get(1) + " : "
                        + String.join(", ", arrow.getValue())));
        lines.add("    " + Step.CLOSED + " --> [*]");
        return String.join("\n", lines) + "\n";
    }

    private static String words(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
