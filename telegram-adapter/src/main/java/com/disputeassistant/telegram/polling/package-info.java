/**
 * Long polling (the default, one instance): getUpdates driven with the offset kept in Redis, advanced
 * only after an update's effect is stored.
 */
package com.disputeassistant.telegram.polling;
