package com.firmos.command.activity;

import java.util.EnumSet;
import java.util.Set;

import com.firmos.api.messages.activity.WinningMoveStatus;

/** Achieve and archive an active move; archive an achieved one; reactivate an achieved or archived one. */
final class WinningMoveLifecycle {

    private WinningMoveLifecycle() {
    }

    static Set<WinningMoveStatus> allowedTargets(WinningMoveStatus from) {
        return switch (from) {
            case ACTIVE -> EnumSet.of(WinningMoveStatus.ACHIEVED, WinningMoveStatus.ARCHIVED);
            case ACHIEVED -> EnumSet.of(WinningMoveStatus.ARCHIVED, WinningMoveStatus.ACTIVE);
            case ARCHIVED -> EnumSet.of(WinningMoveStatus.ACTIVE);
        };
    }
}
