package com.firmos.command.fasttrack;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON merge patch (RFC 7396) on decoded JSON objects. */
final class MergePatch {

    private MergePatch() {
    }

    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(target);
        patch.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else if (value instanceof Map<?, ?> inner) {
                merged.put(name, apply(asObject(merged.get(name)), asObject(inner)));
            } else {
                merged.put(name, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
