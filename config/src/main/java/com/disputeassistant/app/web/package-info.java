/**
 * The edges every endpoint shares, whatever channel it serves: a cap on request bodies, a check of the
 * query string, a JSON error body for every error the app or its servlet container answers (Tomcat's own
 * included), and Redis trouble answered 503 with {@code Retry-After} and logged once per outage.
 */
package com.disputeassistant.app.web;
