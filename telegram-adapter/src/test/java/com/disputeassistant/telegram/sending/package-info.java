/** Tests of rendering, splitting and sending messages to Telegram. */
package com.disputeassistant.telegram.sending;
