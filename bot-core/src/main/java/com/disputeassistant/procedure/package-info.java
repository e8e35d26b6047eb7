/**
 * The escalation procedure as a state machine. {@link com.disputeassistant.procedure.EscalationProcedure}
 * holds the whole procedure in one place that reads like the spec, as a
 * {@link com.disputeassistant.procedure.TransitionTable}: the value from which the Spring Statemachine
 * configuration, the check of which triggers a step accepts, the graph tests and the README's diagram
 * ({@link com.disputeassistant.procedure.ProcedureDiagram}) all come.
 * {@link com.disputeassistant.procedure.Procedure} is the API the engine calls; a turn resolves its transition
 * through {@link com.disputeassistant.procedure.DirectTransitions}, the machine's model read once at start,
 * running the machine's own guards and actions without restoring or dispatching through a machine.
 *
 * <p>This is the only package that uses Spring Statemachine (an architecture test holds it to that), so
 * the library could be replaced without touching the rest of the bot.
 */
package com.disputeassistant.procedure;
