package com.disputeassistant.web;

/**
 * Input the API cannot act on. The message goes to the caller as is, so it says what to send instead.
 * No stack trace: this is an answer, not a fault.
 */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message, null, false, false);
    }
}
