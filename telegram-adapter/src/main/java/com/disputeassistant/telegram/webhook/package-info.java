/**
 * Webhook mode (several instances behind a load balancer): the webhook is registered with a secret
 * token, and updates arrive at a Spring MVC endpoint that checks it.
 */
package com.disputeassistant.telegram.webhook;
