package com.firmos.query.fasttrack;

import java.util.Collection;
import java.util.Map;

/**
 * Progress is the share of the tool's top-level fields that hold something: text that is not blank, a list or
 * object that is not empty, any number or flag. A tool without declared fields shows 0 until it is completed.
 */
final class ToolProgressPolicy {

    private ToolProgressPolicy() {
    }

    static int percentage(Map<String, Object> schema, Map<String, Object> data) {
        if (!(schema.get("properties") instanceof Map<?, ?> fields) || fields.isEmpty()) {
            return 0;
        }
        long filled = fields.keySet().stream().filter(name -> filled(data.get(name))).count();
        return (int) (filled * 100 / fields.size());
    }

    private static boolean filled(Object value) {
        return switch (value) {
            case null -> false;
            case String text -> !text.isBlank();
            case Collection<?> list -> !list.isEmpty();
            case Map<?, ?> object -> !object.isEmpty();
            default -> true;
        };
    }
}
