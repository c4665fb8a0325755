package com.firmos.query.shadow;

import java.util.List;

/**
 * A shadow rebuild as an operator sees it: how far the new build has come through the event stream, and how its
 * tables compare with the live ones (row counts and an order-independent checksum of every row).
 */
public record ShadowStatus(
        String processingGroup,
        String schema,
        boolean building,
        long position,
        long head,
        boolean caughtUp,
        String error,
        int differingTables,
        List<TableComparison> tables) {

    public record TableComparison(String table, long liveRows, long shadowRows, String liveChecksum,
            String shadowChecksum, boolean same) {
    }
}
