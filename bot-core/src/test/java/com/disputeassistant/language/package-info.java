/** Tests of the bundles' completeness and of the language helpers. */
package com.disputeassistant.language;
