package com.disputeassistant.web;

/** Well-formed input naming something that does not exist; the message says where to find what does. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message, null, false, false);
    }
}
