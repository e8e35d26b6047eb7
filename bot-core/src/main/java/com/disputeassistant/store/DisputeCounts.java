package com.disputeassistant.store;

import com.disputeassistant.dispute.Step;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What operators watch across all disputes at one moment, read from the store in a few round trips (see
 * {@link DisputeStore#counts}); the metrics read it every few seconds at most, never per message.
 *
 * @param openByStep       open disputes per step (steps with none are left out)
 * @param handoffsWaiting  disputes in the mediators' queue, claimed by nobody yet
 * @param oldestHandoff    since when the longest-waiting of them waits
 * @param claimedOverdue   disputes a mediator claimed whose deadline has passed without them acting
 * @param timersDue        timers (deadlines, reminders) due and not yet fired
 * @param oldestDueTimer   when the most overdue of them fell due
 */
public record DisputeCounts(Map<Step, Long> openByStep, long handoffsWaiting, Optional<Instant> oldestHandoff,
                            long claimedOverdue, long timersDue, Optional<Instant> oldestDueTimer) {
    public DisputeCounts {
        openByStep = Map.copyOf(openByStep);
    }
}
