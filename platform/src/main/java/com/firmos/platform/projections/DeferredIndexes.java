package com.firmos.platform.projections;

import java.util.List;

/**
 * Indexes of a projection's tables that a rebuild from the first event drops while it fills them and builds at its
 * end: one sort per index instead of an index insert per row. Only indexes its handlers never read by qualify, and
 * a unique one only if what its handlers write in a rebuild's pass ({@code BulkReplay.intoEmptiedTables}) neither
 * reads it nor names it in an ON CONFLICT; reads of the live tables keep answering meanwhile, by a scan.
 */
public interface DeferredIndexes {

    String processingGroup();

    /** {@code CREATE [UNIQUE] INDEX IF NOT EXISTS <name> ON ...} statements, each as the migrations create it. */
    default List<String> deferredIndexes() {
        return List.of();
    }
}
