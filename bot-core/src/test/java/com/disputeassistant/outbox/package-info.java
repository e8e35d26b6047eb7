/** Tests of the outbox and its sender against a real Redis, with a scripted platform. */
package com.disputeassistant.outbox;
