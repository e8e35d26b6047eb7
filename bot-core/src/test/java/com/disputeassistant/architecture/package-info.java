/** Tests that hold bot-core to its module and package boundaries. */
package com.disputeassistant.architecture;
