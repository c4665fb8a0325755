package com.firmos.rest.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed link attempts per token hash and per client address over a sliding window; past either limit the
 * exchange answers 429 before it looks at the token. Kept in memory per node: each node limits on its own.
 */
@Component
class PortalAttempts {

    private static final int MAX_KEYS = 100_000;

    private final PortalProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    PortalAttempts(PortalProperties properties) {
        this(properties, Clock.systemUTC());
    }

    PortalAttempts(PortalProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean blocked(String tokenHash, String address) {
        return recent("token:" + tokenHash) >= properties.failuresPerToken()
                || recent("address:" + address) >= properties.failuresPerAddress();
    }

    void failed(String tokenHash, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.keySet().removeIf(key -> recent(key) == 0);
        }
        record("token:" + tokenHash);
        record("address:" + address);
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, unused -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = clock.instant().minus(properties.failureWindow());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
