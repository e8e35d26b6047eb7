/**
 * The fault-injection suite: real {@code redis-server} processes (AOF, {@code appendfsync always}) killed with
 * {@code SIGKILL} and frozen with {@code SIGSTOP}, and app instances in child JVMs killed with {@code SIGKILL},
 * all under load from the playground's JSON API; each scenario prints what was acknowledged, lost, doubled
 * and answered 500, and fails on any loss.
 */
package com.disputeassistant.faults;
