/**
 * A small OpenID Connect provider (Spring Authorization Server) that the console's OpenID Connect test
 * starts on a loopback port: outside the application's packages, so the application never scans it.
 */
package com.disputeassistant.oidcprovider;
