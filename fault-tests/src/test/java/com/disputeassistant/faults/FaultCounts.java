package com.disputeassistant.faults;

/**
 * What one scenario measured, printed so a reader of the build log sees it.
 *
 * @param sent                  messages sent
 * @param acknowledged          answered 200
 * @param lost                  acknowledged, yet their replies never arrived
 * @param doubled               replies that arrived more than once
 * @param errors500             answered 500 (or another 5xx but 503)
 * @param unavailable503        answered 503 (Redis away: retry later)
 * @param noAnswer              no HTTP answer at all (the instance was dead, or the request timed out)
 * @param appliedUnacknowledged not answered 200 but applied all the same (allowed: the sender could not know)
 */
record FaultCounts(String scenario, long sent, long acknowledged, long lost, long doubled, long errors500,
                   long unavailable503, long noAnswer, long appliedUnacknowledged) {
    FaultCounts print() {
        System.out.printf("FAULTS %s: sent %d, acknowledged %d, lost %d, doubled %d, 500s %d, 503s %d, no answer %d,"
                        + " applied though not acknowledged %d%n", scenario, sent, acknowledged, lost, doubled, errors500,
                unavailable503, noAnswer, appliedUnacknowledged);
        return this;
    }
}
