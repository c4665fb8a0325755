package com.firmos.query.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.firmos.api.messages.revenue.InvoiceCadence;
import com.firmos.api.messages.revenue.InvoiceCancelledEvent;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceDraftEditedEvent;
import com.firmos.api.messages.revenue.InvoiceDraftedEvent;
import com.firmos.api.messages.revenue.InvoiceIssuedEvent;
import com.firmos.api.messages.revenue.InvoiceLinesAddedEvent;
import com.firmos.api.messages.revenue.InvoiceNumberAssignedEvent;
import com.firmos.api.messages.revenue.InvoiceOverdueEvent;
import com.firmos.api.messages.revenue.InvoicePaidEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleCreatedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleEndedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;
import com.firmos.api.messages.revenue.InvoiceStatus;
import com.firmos.api.messages.revenue.InvoiceViewedEvent;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.PaymentRecordedEvent;
import com.firmos.api.messages.revenue.ScheduledInvoiceDueEvent;
import com.firmos.api.messages.revenue.TimeEntryBilledEvent;
import com.firmos.api.messages.revenue.TimeEntryCorrectedEvent;
import com.firmos.api.messages.revenue.TimeEntryDeletedEvent;
import com.firmos.api.messages.revenue.TimeEntryDetails;
import com.firmos.api.messages.revenue.TimeEntryLoggedEvent;
import com.firmos.query.History;

/**
 * Time entries logged, corrected, deleted and billed; invoices drafted, edited, numbered, issued, viewed, overdue,
 * paid in parts and cancelled; schedules that draft an invoice each period and end.
 */
public final class RevenueHistory {

    private RevenueHistory() {
    }

    public static void write(History h) {
        List<UUID> clients = List.of(h.id(), h.id());
        List<UUID> engagements = List.of(h.id(), h.id());
        List<UUID> billable = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID entry = h.id();
            UUID engagement = engagements.get(i % 2);
            TimeEntryDetails details = timeEntry(h, i % 3 != 2);
            h.append("TimeEntry", entry, new TimeEntryLoggedEvent(entry, h.tenant(), engagement, details));
            if (h.chance(40)) {
                details = timeEntry(h, details.billable());
                h.append("TimeEntry", entry, new TimeEntryCorrectedEvent(entry, h.tenant(), engagement, details));
            }
            if (i == 5) {
                h.append("TimeEntry", entry, new TimeEntryDeletedEvent(entry, h.tenant(), engagement));
            } else if (details.billable() && engagement.equals(engagements.getFirst())) {
                billable.add(entry);
            }
        }
        long sequence = 0;
        for (int i = 0; i < 7; i++) {
            UUID invoice = h.id();
            UUID client = clients.get(i % 2);
            InvoiceDraft draft = draft(h, client, engagements.get(i % 2));
            h.append("Invoice", invoice, new InvoiceDraftedEvent(invoice, h.tenant(), draft, total(draft.lines())));
            if (i % 3 == 0) {
                draft = draft(h, client, engagements.get(i % 2));
                h.append("Invoice", invoice, new InvoiceDraftEditedEvent(invoice, h.tenant(), client, draft,
                        total(draft.lines())));
            }
            BigDecimal total = total(draft.lines());
            if (i == 0) {
                List<LineItem> added = new ArrayList<>();
                for (UUID entry : billable) {
                    h.append("TimeEntry", entry, new TimeEntryBilledEvent(entry, h.tenant(), engagements.getFirst(),
                            invoice));
                    added.add(line(h));
                }
                total = total.add(total(added));
                h.append("Invoice", invoice, new InvoiceLinesAddedEvent(invoice, h.tenant(), client, added, billable,
                        total));
            }
            if (i == 6) {
                h.append("Invoice", invoice, new InvoiceCancelledEvent(invoice, h.tenant(), client, InvoiceStatus.DRAFT,
                        h.text(500)));
                continue;
            }
            if (i == 5) {
                continue;
            }
            sequence++;
            String number = "INV-" + h.today().getYear() + "-" + "%04d".formatted(sequence);
            h.append("InvoiceNumbering", "invoice-numbering:" + h.tenant(), new InvoiceNumberAssignedEvent(
                    "invoice-numbering:" + h.tenant(), h.tenant(), sequence, invoice, number));
            h.append("Invoice", invoice, new InvoiceIssuedEvent(invoice, h.tenant(), client, number, sequence,
                    draft.dueDate(), total));
            settle(h, invoice, client, total, i);
        }
        for (int i = 0; i < 2; i++) {
            schedule(h, clients.get(i), engagements.get(i), i == 0);
        }
    }

    private static void settle(History h, UUID invoice, UUID client, BigDecimal total, int path) {
        if (path % 2 == 0) {
            h.append("Invoice", invoice, new InvoiceViewedEvent(invoice, h.tenant(), client));
        }
        if (path == 1 || path == 4) {
            h.bySystem(() -> h.append("Invoice", invoice, new InvoiceOverdueEvent(invoice, h.tenant(), client,
                    h.today())));
        }
        if (path == 3) {
            h.append("Invoice", invoice, new InvoiceCancelledEvent(invoice, h.tenant(), client, InvoiceStatus.SENT,
                    h.text(500)));
            return;
        }
        BigDecimal part = total.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
        h.append("Invoice", invoice, new PaymentRecordedEvent(invoice, h.tenant(), client, h.id(), part, h.today(),
                h.chance(50) ? h.text(50) : null, h.chance(50) ? h.text(200) : null, total.subtract(part)));
        if (path <= 2) {
            BigDecimal rest = total.subtract(part);
            h.append("Invoice", invoice, new PaymentRecordedEvent(invoice, h.tenant(), client, h.id(), rest,
                    h.today(), "wire", null, BigDecimal.ZERO.setScale(2)));
            h.append("Invoice", invoice, new InvoicePaidEvent(invoice, h.tenant(), client, h.today()));
        }
    }

    private static void schedule(History h, UUID client, UUID engagement, boolean ends) {
        UUID schedule = h.id();
        List<LineItem> lines = List.of(line(h), line(h));
        InvoiceScheduleTerms terms = new InvoiceScheduleTerms(client, engagement, lines, h.pick(InvoiceCadence.class),
                h.between(1, 28), h.today().plusDays(1), h.chance(50) ? h.today().plusYears(1) : null, 30,
                h.chance(50) ? h.id() : null, h.optionalText(5_000));
        h.append("InvoiceSchedule", schedule, new InvoiceScheduleCreatedEvent(schedule, h.tenant(), terms,
                terms.startOn()));
        h.bySystem(() -> {
            for (int period = 0; period < 2; period++) {
                UUID invoice = h.id();
                InvoiceDraft draft = new InvoiceDraft(client, engagement, List.of(), lines,
                        h.today().plusDays(terms.dueInDays()), terms.recipientStakeholderId(), terms.notes());
                h.append("InvoiceSchedule", schedule, new ScheduledInvoiceDueEvent(schedule, h.tenant(), h.today(),
                        invoice, draft, h.today().plusMonths(1)));
                h.append("Invoice", invoice, new InvoiceDraftedEvent(invoice, h.tenant(), draft, total(lines)));
            }
        });
        if (ends) {
            h.append("InvoiceSchedule", schedule, new InvoiceScheduleEndedEvent(schedule, h.tenant()));
        }
    }

    private static TimeEntryDetails timeEntry(History h, boolean billable) {
        return new TimeEntryDetails(h.pick(List.of("user_consultant", "user_lead")), h.id(),
                h.chance(50) ? h.id() : null, BigDecimal.valueOf(h.between(1, 2_400)).movePointLeft(2),
                h.today().minusDays(h.between(0, 20)), billable, h.optionalText(1_000));
    }

    private static InvoiceDraft draft(History h, UUID client, UUID engagement) {
        List<LineItem> lines = new ArrayList<>();
        for (int i = h.between(1, 4); i > 0; i--) {
            lines.add(line(h));
        }
        return new InvoiceDraft(client, engagement, h.chance(50) ? List.of(h.id()) : List.of(), lines,
                h.today().plusDays(h.between(7, 45)), h.chance(50) ? h.id() : null, h.optionalText(5_000));
    }

    private static LineItem line(History h) {
        BigDecimal quantity = BigDecimal.valueOf(h.between(1, 400)).movePointLeft(1);
        BigDecimal price = h.amount(2_000);
        return new LineItem(h.text(500), quantity, price, quantity.multiply(price).setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal total(List<LineItem> lines) {
        return lines.stream().map(LineItem::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
