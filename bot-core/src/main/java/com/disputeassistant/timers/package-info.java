/**
 * Deadlines and reminders that happen without anyone writing: the store keeps each open dispute's next
 * timer in Redis, and {@link com.disputeassistant.timers.DeadlineTimers} fires the due ones through the
 * conversation engine, on whichever instance claims them first.
 */
package com.disputeassistant.timers;
