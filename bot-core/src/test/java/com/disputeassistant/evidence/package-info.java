/** Tests of the evidence package's parts that need no Redis: content sniffing, names, links, references. */
package com.disputeassistant.evidence;
