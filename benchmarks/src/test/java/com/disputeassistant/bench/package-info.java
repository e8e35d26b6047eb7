/** Tests of the benchmark harness's own logic; no benchmark runs here. */
package com.disputeassistant.bench;
