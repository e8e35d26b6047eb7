/** Wiring of evidence (issue 17): where files are kept, the limits, and the checked reads. */
package com.disputeassistant.app.evidence;
