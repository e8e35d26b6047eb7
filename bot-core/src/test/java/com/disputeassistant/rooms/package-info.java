/** Tests of the mediators' room bookkeeping against a real Redis. */
package com.disputeassistant.rooms;
