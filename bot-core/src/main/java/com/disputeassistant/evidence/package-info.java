/**
 * Evidence: files (and links) the parties and mediators attach to a dispute. A channel hands each
 * incoming file to the one inbound path as an {@link com.disputeassistant.evidence.IncomingFile}; the intake
 * checks it against the limits (size, type found by looking at the bytes, the dispute's total), keeps its
 * bytes in the evidence store under a generated id with their SHA-256 and records who sent it, when and at
 * which step. Replies carry kept items to their recipients as {@link com.disputeassistant.evidence.EvidenceRef}s,
 * whose bytes the channels read back, checked, through {@link com.disputeassistant.evidence.EvidenceFiles}.
 */
package com.disputeassistant.evidence;
