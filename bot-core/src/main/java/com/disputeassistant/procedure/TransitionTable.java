package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The escalation procedure as data: every transition as one {@link Row}, in the order
 * {@link EscalationProcedure} defines them. The state machine's configuration, the check of which triggers
 * a step accepts, the graph tests and the README's diagram all come from this one table, so none of them
 * can disagree with another. Immutable; checked when built (no two rows that the same event could both
 * take, nothing leaves {@link Step#CLOSED}).
 */
final class TransitionTable {

    /**
     * One transition: in {@code source}, on {@code trigger}, when {@link Rules} decided {@code branch} (and,
     * if {@code toNamedStep}, when the command names {@code target}, as a hand-back does), go to
     * {@code target} doing {@code effect}. A row whose target is its source is an internal transition: the
     * step stays, with its deadline.
     *
     * @param cites the seed sentences it comes from ({@code S0}..{@code S9}, {@code C1}), or the spec's rule
     *              where the seed is silent
     */
    record Row(Step source, Trigger trigger, Branch branch, boolean toNamedStep, Step target, Effect effect,
               String cites) {
        Row {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(effect, "effect");
            if (cites == null || cites.isBlank()) {
                throw new IllegalArgumentException(source + " on " + trigger + " cites nothing: every rule names "
                        + "the seed sentence or the spec rule it comes from");
            }
        }

        boolean internal() {
            return source == target;
        }

        /** Whether this row is the one to take for a decided branch and the step a command names (if any). */
        boolean matches(Branch decided, Step named) {
            return decided == branch && (!toNamedStep || named == target);
        }
    }

    private final List<Row> rows;
    private final Map<Step, Set<Trigger>> triggersByStep = new EnumMap<>(Step.class);
    private final Map<Step, Set<Step>> targetsByStep = new EnumMap<>(Step.class);

    TransitionTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Step step : Step.values()) {
            triggersByStep.put(step, EnumSet.noneOf(Trigger.class));
            targetsByStep.put(step, EnumSet.noneOf(Step.class));
        }
        Set<List<Object>> seen = new HashSet<>();
        for (Row row : this.rows) {
            if (row.source() == Step.CLOSED) {
                throw new IllegalArgumentException("nothing leaves " + Step.CLOSED + ", yet " + row.trigger() + " does");
            }
            List<Object> key = List.of(row.source(), row.trigger(), row.branch(),
                    row.toNamedStep() ? row.target() : "any step");
            if (!seen.add(key)) {
                throw new IllegalArgumentException("two rows for " + row.trigger() + " (" + row.branch() + ") in "
                        + row.source() + ": the machine could not tell which to take");
            }
            triggersByStep.get(row.source()).add(row.trigger());
            targetsByStep.get(row.source()).add(row.target());
        }
        triggersByStep.replaceAll((step, triggers) -> Collections.unmodifiableSet(triggers));
        targetsByStep.replaceAll((step, targets) -> Collections.unmodifiableSet(targets));
    }

    List<Row> rows() {
        return rows;
    }

    /** Whether the procedure has a transition for this trigger at this step. */
    boolean accepts(Step step, Trigger trigger) {
        return triggersByStep.get(step).contains(trigger);
    }

    /** The triggers this step has a transition for. */
    Set<Trigger> triggersAt(Step step) {
        return triggersByStep.get(step);
    }

    /** The steps a transition from this step can lead to (itself, for internal transitions). */
    Set<Step> targetsFrom(Step step) {
        return targetsByStep.get(step);
    }

    /** The steps a command may name for this trigger at this step, such as a hand-back's; in step order. */
    Set<Step> namedTargets(Step source, Trigger trigger) {
        Set<Step> named = EnumSet.noneOf(Step.class);
        rows.stream().filter(row -> row.toNamedStep() && row.source() == source && row.trigger() == trigger)
                .forEach(row -> named.add(row.target()));
        return named;
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the rows one line each, as "in STEP, on TRIGGER, when BRANCH, go to STEP doing EFFECT": see
     * {@link EscalationProcedure}. {@link #cite} sets the citation of the lines that follow.
     */
    static final class Builder {
        private final List<Row> rows = new ArrayList<>();
        private String cites;

        private Builder() {
        }

        /** The seed sentences (or the spec's rule) the following lines come from. */
        void cite(String sources) {
            cites = sources;
        }

        From step(Step source) {
            return new From(EnumSet.of(source));
        }

        /** The same line for each of these steps. */
        From steps(Set<Step> sources) {
            return new From(EnumSet.copyOf(sources));
        }

        TransitionTable build() {
            return new TransitionTable(rows);
        }

        final class From {
            private final Set<Step> sources;

            private From(Set<Step> sources) {
                this.sources = sources;
            }

            On on(Trigger trigger) {
                return new On(sources, trigger, Branch.GO);
            }
        }

        final class On {
            private final Set<Step> sources;
            private final Trigger trigger;
            private final Branch branch;

            private On(Set<Step> sources, Trigger trigger, Branch branch) {
                this.sources = sources;
                this.trigger = trigger;
                this.branch = branch;
            }

            On when(Branch required) {
                return new On(sources, trigger, required);
            }

            /** Stays at the step (an internal transition), doing the effect. */
            void stay(Effect effect) {
                sources.forEach(source -> rows.add(new Row(source, trigger, branch, false, source, effect, cites)));
            }

            void to(Step target, Effect effect) {
                sources.forEach(source -> rows.add(new Row(source, trigger, branch, false, target, effect, cites)));
            }

            /** Goes to whichever of these steps the command names, doing the effect. */
            void toNamedStep(Set<Step> targets, Effect effect) {
                sources.forEach(source -> targets.forEach(target ->
                        rows.add(new Row(source, trigger, branch, true, target, effect, cites))));
            }
        }
    }
}
