package com.firmos.command.fasttrack;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.command.Refusals;

/** Draft, in progress, completed, submitted; a completed document may be reopened, a submitted one is final. */
final class ToolDocumentLifecycle {

    private static final Map<ToolDocumentStatus, Set<ToolDocumentStatus>> NEXT = Map.of(
            ToolDocumentStatus.DRAFT, EnumSet.of(ToolDocumentStatus.IN_PROGRESS),
            ToolDocumentStatus.IN_PROGRESS, EnumSet.of(ToolDocumentStatus.COMPLETED),
            ToolDocumentStatus.COMPLETED, EnumSet.of(ToolDocumentStatus.SUBMITTED, ToolDocumentStatus.IN_PROGRESS),
            ToolDocumentStatus.SUBMITTED, EnumSet.noneOf(ToolDocumentStatus.class));

    private ToolDocumentLifecycle() {
    }

    static void requireMove(ToolDocumentStatus from, ToolDocumentStatus to) {
        if (!NEXT.get(from).contains(to)) {
            throw Refusals.move("tool document", from, to, NEXT.get(from));
        }
    }

    static boolean editable(ToolDocumentStatus status) {
        return status == ToolDocumentStatus.DRAFT || status == ToolDocumentStatus.IN_PROGRESS;
    }
}
