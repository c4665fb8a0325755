package com.firmos.query.fasttrack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.firmos.api.messages.fasttrack.FieldChange;

/** Members added, removed or changed between two JSON objects; objects are compared member by member. */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        collect("data", before, after, changes);
        return changes;
    }

    private static void collect(String path, Map<?, ?> before, Map<?, ?> after, List<FieldChange> changes) {
        TreeSet<String> names = new TreeSet<>();
        before.keySet().forEach(name -> names.add(name.toString()));
        after.keySet().forEach(name -> names.add(name.toString()));
        for (String name : names) {
            Object old = before.get(name);
            Object now = after.get(name);
            String at = path + "." + name;
            if (old instanceof Map<?, ?> oldObject && now instanceof Map<?, ?> newObject) {
                collect(at, oldObject, newObject, changes);
            } else if (old == null && now != null) {
                changes.add(new FieldChange(at, "added", null, now));
            } else if (old != null && now == null) {
                changes.add(new FieldChange(at, "removed", old, null));
            } else if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(at, "changed", old, now));
            }
        }
    }
}
