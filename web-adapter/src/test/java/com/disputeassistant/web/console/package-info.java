/** Tests of the mediator console: sign-in and its refusals, and the pages on the engine. */
package com.disputeassistant.web.console;
