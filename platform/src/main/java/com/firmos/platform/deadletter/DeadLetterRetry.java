package com.firmos.platform.deadletter;

import java.util.List;

/** What a retry did: the sequences it drained, and those still parked (with their letters as they are now). */
public record DeadLetterRetry(String processor, List<String> drained, List<DeadLetterSequence> stillParked) {
}
