/** Tests of the evidence wiring: the store's settings, and the S3 store against a real S3-compatible server. */
package com.disputeassistant.app.evidence;
