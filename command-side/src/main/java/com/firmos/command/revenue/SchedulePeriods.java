package com.firmos.command.revenue;

import java.time.LocalDate;

import com.firmos.api.messages.revenue.InvoiceCadence;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;

/**
 * The dates a schedule drafts on: the first {@code dayOfMonth} on or after the start, then every one or three
 * months, up to the end. Days stop at 28 so every month has the day.
 */
final class SchedulePeriods {

    private SchedulePeriods() {
    }

    /** The first drafting date, or null when the end comes before it. */
    static LocalDate first(InvoiceScheduleTerms terms) {
        LocalDate first = terms.startOn().withDayOfMonth(terms.dayOfMonth());
        return within(terms, first.isBefore(terms.startOn()) ? first.plusMonths(1) : first);
    }

    /** The drafting date after {@code on}, or null when the schedule ends before it. */
    static LocalDate after(InvoiceScheduleTerms terms, LocalDate on) {
        return within(terms, on.plusMonths(terms.cadence() == InvoiceCadence.MONTHLY ? 1 : 3));
    }

    private static LocalDate within(InvoiceScheduleTerms terms, LocalDate on) {
        return terms.endOn() != null && on.isAfter(terms.endOn()) ? null : on;
    }
}
