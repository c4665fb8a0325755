package com.firmos.query;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.platform.projections.DeferredIndexes;

/**
 * The tables a projector owns, all of them in the default schema and written only by it: what its reset clears
 * and what a shadow rebuild builds anew and switches in.
 */
public interface ProjectionTables extends DeferredIndexes {

    @Override
    String processingGroup();

    List<String> tables();

    /** What a reset handler does: empties every table the projector owns, so a replay builds them from nothing. */
    default void clearTables(JdbcClient jdbc) {
        for (String table : tables()) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
