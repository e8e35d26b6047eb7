package com.disputeassistant.bench;

/** What sending one message of a lane costs: the engine's turn, or the bare Redis calls it stands for. */
@FunctionalInterface
interface Work {
    void send(Lane lane);
}
