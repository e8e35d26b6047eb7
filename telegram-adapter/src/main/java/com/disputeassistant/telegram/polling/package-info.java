/**
 * Long polling (the default): getUpdates driven with the offset kept in Redis, advanced only after an
 * update's effect is stored, by the one instance that holds the polling lease in Redis; another takes over
 * within seconds when it dies.
 */
package com.disputeassistant.telegram.polling;
