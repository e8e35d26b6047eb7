/**
 * The marketplace as the bot sees it: people, their channel identities, and orders with their agreed
 * terms and money. The bot never invents an order; it reads them through the {@link
 * com.disputeassistant.marketplace.Marketplace} port.
 */
package com.disputeassistant.marketplace;
