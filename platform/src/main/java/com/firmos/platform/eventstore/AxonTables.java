package com.firmos.platform.eventstore;

import java.util.List;

/**
 * The tables Axon keeps in the database (V1): events, snapshots, tokens, dead letters and sagas. Only the platform
 * reads or writes them directly; everything else goes through Axon or the platform's named reads.
 */
public final class AxonTables {

    public static final List<String> NAMES = List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "dead_letter_entry", "saga_entry", "association_value_entry");

    private AxonTables() {
    }
}
