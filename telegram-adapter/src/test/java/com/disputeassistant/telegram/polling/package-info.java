/** Tests of long polling: the offset in Redis, restarts and failures. */
package com.disputeassistant.telegram.polling;
