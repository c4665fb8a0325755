package com.firmos.command.revenue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.firmos.api.messages.revenue.BillStatus;
import com.firmos.command.Refusals;

/** Which bill statuses may follow which: pending, then approved and paid or rejected; any but paid, cancelled. */
final class BillLifecycle {

    private static final Map<BillStatus, Set<BillStatus>> NEXT = Map.of(
            BillStatus.PENDING, EnumSet.of(BillStatus.APPROVED, BillStatus.REJECTED, BillStatus.CANCELLED),
            BillStatus.APPROVED, EnumSet.of(BillStatus.PAID, BillStatus.CANCELLED),
            BillStatus.REJECTED, EnumSet.of(BillStatus.CANCELLED),
            BillStatus.PAID, EnumSet.noneOf(BillStatus.class),
            BillStatus.CANCELLED, EnumSet.noneOf(BillStatus.class));

    private BillLifecycle() {
    }

    static void requireMove(BillStatus from, BillStatus to) {
        if (!NEXT.get(from).contains(to)) {
            throw Refusals.move("bill", from, to, NEXT.get(from));
        }
    }
}
