package com.firmos.query.revenue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.firmos.api.messages.revenue.BillApprovedEvent;
import com.firmos.api.messages.revenue.BillCancelledEvent;
import com.firmos.api.messages.revenue.BillPaidEvent;
import com.firmos.api.messages.revenue.BillRecordedEvent;
import com.firmos.api.messages.revenue.BillRejectedEvent;
import com.firmos.api.messages.revenue.VendorContactErasedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;
import com.firmos.query.History;

/** Vendors, some with their contact erased, and their bills through every path of the bill's lifecycle. */
public final class PayablesHistory {

    private PayablesHistory() {
    }

    public static void write(History h) {
        List<UUID> vendors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID vendor = h.id();
            vendors.add(vendor);
            h.append("Vendor", vendor, new VendorRegisteredEvent(vendor, h.tenant(), h.text(200),
                    h.chance(70) ? h.sealed(vendor) : null, h.chance(50) ? h.sealed(vendor) : null));
        }
        for (int i = 0; i < 12; i++) {
            UUID bill = h.id();
            h.append("Bill", bill, new BillRecordedEvent(bill, h.tenant(), h.pick(vendors), h.chance(60) ? h.id() : null,
                    h.chance(70) ? h.text(100) : null, h.amount(250_000), "USD", h.today().plusDays(h.between(-10, 60)),
                    h.optionalText(2_000)));
            switch (i % 6) {
                case 0 -> {
                    h.append("Bill", bill, new BillApprovedEvent(bill, h.tenant()));
                    h.append("Bill", bill, new BillPaidEvent(bill, h.tenant(), h.today()));
                }
                case 1 -> h.append("Bill", bill, new BillApprovedEvent(bill, h.tenant()));
                case 2 -> h.append("Bill", bill, new BillRejectedEvent(bill, h.tenant(), h.text(1_000)));
                case 3 -> {
                    h.append("Bill", bill, new BillRejectedEvent(bill, h.tenant(), h.text(1_000)));
                    h.append("Bill", bill, new BillCancelledEvent(bill, h.tenant(), h.text(1_000)));
                }
                case 4 -> {
                    h.append("Bill", bill, new BillApprovedEvent(bill, h.tenant()));
                    h.append("Bill", bill, new BillCancelledEvent(bill, h.tenant(), h.text(1_000)));
                }
                default -> {
                    // Left pending.
                }
            }
        }
        for (UUID vendor : vendors.subList(0, 2)) {
            h.append("Vendor", vendor, new VendorContactErasedEvent(vendor, h.tenant()));
        }
    }
}
