package com.firmos.command.crm;

import java.util.EnumSet;
import java.util.Set;

import com.firmos.api.messages.crm.DealStage;

/**
 * Open stages move forward one at a time or back to any earlier open stage; any open stage can be lost; only
 * negotiation can be won. Probability follows the stage.
 */
final class DealLifecycle {

    static final Set<DealStage> OPEN = EnumSet.range(DealStage.LEAD, DealStage.NEGOTIATION);

    private DealLifecycle() {
    }

    static boolean canMove(DealStage from, DealStage to) {
        return OPEN.contains(from) && OPEN.contains(to)
                && (to.ordinal() == from.ordinal() + 1 || to.ordinal() < from.ordinal());
    }

    static Set<DealStage> moves(DealStage from) {
        Set<DealStage> moves = EnumSet.noneOf(DealStage.class);
        OPEN.stream().filter(to -> canMove(from, to)).forEach(moves::add);
        return moves;
    }
}
