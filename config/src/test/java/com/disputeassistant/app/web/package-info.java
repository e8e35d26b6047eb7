/** Tests of the edges every endpoint shares: bad input, body limits, JSON errors, Redis trouble, a fuzz run. */
package com.disputeassistant.app.web;
