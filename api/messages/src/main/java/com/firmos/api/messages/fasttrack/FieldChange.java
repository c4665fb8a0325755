package com.firmos.api.messages.fasttrack;

/** One changed member, by its path in the data ({@code data.kpis}); a value absent on one side is null. */
public record FieldChange(
        String path,
        String change,
        Object before,
        Object after) {
}
