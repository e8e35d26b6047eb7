/**
 * The runnable Spring Boot application: it wires bot-core's ports to real parts (Redis, the
 * marketplace file, the channels) and holds the configuration. Each sub-package wires one feature;
 * no procedure logic lives here.
 */
package com.disputeassistant.app;
