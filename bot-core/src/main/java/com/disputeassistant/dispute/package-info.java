/**
 * The dispute: one order's escalation as data. {@link com.disputeassistant.dispute.Dispute} is the
 * aggregate that the procedure changes and the store saves; everything else here is a value.
 */
package com.disputeassistant.dispute;
