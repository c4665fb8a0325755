package com.firmos.api.messages.activity;

import java.util.List;

/** An engagement's activities as milestones, in board order. */
public record MilestoneList(
        List<MilestoneView> milestones) {
}
