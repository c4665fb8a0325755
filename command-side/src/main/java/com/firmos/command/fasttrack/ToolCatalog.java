package com.firmos.command.fasttrack;

import java.util.Map;

/** The Fast Track tools and their data rules; Axon injects it into handlers as a Spring bean. */
public interface ToolCatalog {

    /** Refuses an unknown slug, naming {@code toolSlug}. */
    void requireKnown(String toolSlug);

    /** Refuses data the tool's schema rejects, listing every JSON path and the rule it breaks. */
    void validate(String toolSlug, Map<String, Object> data);

    /** Whether the tool keeps the named child table ({@code hypotheses}, {@code team_assessments}). */
    boolean hasChildTable(String toolSlug, String table);

    /** Data members that name another tool's document, with that tool's slug. */
    Map<String, String> references(String toolSlug);
}
