package com.firmos.api.messages;

import java.util.List;

/**
 * A command whose handler loads aggregates besides its target, and so waits for their locks too: a sender that
 * queues commands per aggregate before they take a connection queues them on these as well.
 */
public interface LoadsOtherAggregates {

    List<String> otherAggregates();
}
