/** Tests of how updates are understood. */
package com.disputeassistant.telegram.updates;
