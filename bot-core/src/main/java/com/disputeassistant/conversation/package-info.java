/**
 * The conversation engine: turns what people say on any channel into steps of the procedure, and
 * steps into messages addressed to people. Channel-agnostic: adapters implement {@link
 * com.disputeassistant.conversation.Channel} and feed {@link
 * com.disputeassistant.conversation.InboundMessage}s in.
 */
package com.disputeassistant.conversation;
