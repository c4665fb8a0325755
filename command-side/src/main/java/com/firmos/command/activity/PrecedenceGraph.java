package com.firmos.command.activity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RelationType;

/**
 * The "must come before" order that {@code blocks} and {@code depends_on} relations impose: {@code A blocks B}
 * puts A before B, {@code A depends_on B} puts B before A. A new relation may not close a cycle in it.
 */
final class PrecedenceGraph {

    private final Map<EntityReference, List<EntityReference>> successors = new HashMap<>();

    PrecedenceGraph(Collection<RelationGraph.Edge> edges) {
        for (RelationGraph.Edge edge : edges) {
            ordered(edge.source(), edge.target(), edge.type()).ifPresent(pair ->
                    successors.computeIfAbsent(pair.get(0), key -> new ArrayList<>()).add(pair.get(1)));
        }
    }

    /**
     * The cycle a new relation would close: the existing path from the entity it puts second to the one it puts
     * first, which the new relation leads back to the start. Nothing when it closes no cycle.
     */
    Optional<List<EntityReference>> cycleClosedBy(EntityReference source, EntityReference target, RelationType type) {
        return ordered(source, target, type).flatMap(pair -> path(pair.get(1), pair.get(0)));
    }

    private static Optional<List<EntityReference>> ordered(EntityReference source, EntityReference target,
            RelationType type) {
        if (type == RelationType.BLOCKS) {
            return Optional.of(List.of(source, target));
        }
        if (type == RelationType.DEPENDS_ON) {
            return Optional.of(List.of(target, source));
        }
        return Optional.empty();
    }

    /** Breadth-first, so the cycle named is a shortest one. */
    private Optional<List<EntityReference>> path(EntityReference from, EntityReference to) {
        Map<EntityReference, EntityReference> cameFrom = new HashMap<>();
        Deque<EntityReference> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            EntityReference current = queue.poll();
            if (current.equals(to)) {
                List<EntityReference> path = new ArrayList<>();
                for (EntityReference step = to; !step.equals(from); step = cameFrom.get(step)) {
                    path.add(step);
                }
                path.add(from);
                Collections.reverse(path);
                return Optional.of(path);
            }
            for (EntityReference next : successors.getOrDefault(current, List.of())) {
                if (cameFrom.putIfAbsent(next, current) == null) {
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }
}
