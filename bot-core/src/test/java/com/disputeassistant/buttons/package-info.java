/** Tests of the button registry against a real Redis. */
package com.disputeassistant.buttons;
