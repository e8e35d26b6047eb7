/**
 * Who sees what of the actuator: {@code /actuator/health} answers everyone with its status, and only a
 * signed-in supervisor (the console's session) with its details.
 */
package com.disputeassistant.app.health;
