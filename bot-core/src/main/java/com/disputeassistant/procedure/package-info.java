/**
 * The escalation procedure as a state machine. {@link com.disputeassistant.procedure.EscalationProcedure}
 * holds the whole procedure in one Spring Statemachine configuration that reads like the spec;
 * {@link com.disputeassistant.procedure.Procedure} is the API the engine calls.
 *
 * <p>This is the only package that uses Spring Statemachine (an architecture test holds it to that), so
 * the library could be replaced without touching the rest of the bot.
 */
package com.disputeassistant.procedure;
