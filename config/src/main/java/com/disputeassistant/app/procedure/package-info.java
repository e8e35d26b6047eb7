/**
 * The procedure's settings ({@code dispute.procedure.*}): bound from configuration, checked once at
 * startup, and handed to the engine as bot-core's {@link com.disputeassistant.procedure.ProcedureSettings}.
 */
package com.disputeassistant.app.procedure;
