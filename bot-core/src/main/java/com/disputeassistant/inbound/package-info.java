/**
 * The one inbound path every channel uses. A channel turns a platform payload into a {@link
 * com.disputeassistant.inbound.ChatEvent} and hands it to {@link com.disputeassistant.inbound.ChatInbound};
 * everything after that happens here, once for every channel: who the person is (linking them by a
 * confirmed e-mail address where the platform offers one), whether the delivery was seen before, whether
 * a button press counts, the mediators' room policy (see {@link com.disputeassistant.rooms.ChatRoom}),
 * the engine's turn with its retry, whose write queues its replies as rendered by delivery. Outbound, {@link
 * com.disputeassistant.inbound.ReplyTokens} gives channels the opaque tokens their buttons carry.
 */
package com.disputeassistant.inbound;
