/**
 * The marketplace API, {@code /api/v1/...}: people and orders, the webhooks' dead letters, and the
 * OpenAPI document; authenticated with API keys stored as SHA-256 hashes, rate-limited per key.
 */
package com.disputeassistant.app.api;
