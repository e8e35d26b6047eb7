/**
 * Which marketplace the bot reads people and orders from: the YAML file named by
 * {@code MARKETPLACE_FILE}, or the bundled sample.
 */
package com.disputeassistant.app.marketplace;
