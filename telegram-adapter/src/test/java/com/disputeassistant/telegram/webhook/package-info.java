/** Tests of webhook mode. */
package com.disputeassistant.telegram.webhook;
