package com.firmos.rest.activity;

import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.WinningMoveStatus;

/** Bodies of the winning-move requests. */
final class WinningMoveRequests {

    private WinningMoveRequests() {
    }

    /** {@code id} is optional and makes a retried create harmless; the source phase defaults to align. */
    record Create(UUID id, UUID engagementId, String title, String description, PlaybookPhase sourcePhase,
            UUID sourceActivityId) {
    }

    record Edit(String title, String description) {
    }

    record ChangeStatus(WinningMoveStatus status) {
    }
}
