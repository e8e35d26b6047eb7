/**
 * What operators see: the gauges about all disputes on the application's meter registry (Prometheus, served
 * on the management port), and the structured logs' settings in {@code application.yml}. README.md,
 * "Operating it", lists the meters and the alerts worth setting.
 */
package com.disputeassistant.app.operations;
