package com.disputeassistant.web.console;

/** What a signed-in staff member may do in the console. */
public enum StaffRole {
    /** Works disputes: the queue, claims, their own disputes. */
    MEDIATOR,
    /** A mediator who also sees every open dispute and the reports. */
    SUPERVISOR;

    /** The Spring Security role name, e.g. for {@code hasRole} and {@code management.endpoint.health.roles}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
