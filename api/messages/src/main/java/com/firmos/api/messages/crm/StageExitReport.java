package com.firmos.api.messages.crm;

import java.time.Instant;
import java.util.List;

/** The exit criteria of the stage a deal left, as they stood when it left. */
public record StageExitReport(
        DealStage leftStage,
        DealStage enteredStage,
        Instant changedAt,
        List<ExitCriterion> criteria) {
}
