package com.firmos.query;

import java.util.List;

/**
 * The tables a projector owns, all of them in the default schema and written only by it: what its reset clears
 * and what a shadow rebuild builds anew and switches in.
 */
public interface ProjectionTables {

    String processingGroup();

    List<String> tables();
}
