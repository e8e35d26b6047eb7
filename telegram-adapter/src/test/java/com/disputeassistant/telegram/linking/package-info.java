/** Tests of link codes and of linking a Telegram user by one. */
package com.disputeassistant.telegram.linking;
