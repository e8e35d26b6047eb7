/**
 * Mediators' rooms: a shared Slack channel or Telegram group where every hand-off gets a card and a
 * thread of its own. {@link com.disputeassistant.rooms.MediatorRoom} keeps, per channel, which thread
 * belongs to which dispute, so replies in a thread reach the right dispute on any instance.
 */
package com.disputeassistant.rooms;
