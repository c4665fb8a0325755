package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record InvoiceView(
        UUID id,
        UUID clientId,
        UUID engagementId,
        String number,
        InvoiceStatus status,
        List<LineItem> lines,
        BigDecimal total,
        BigDecimal paid,
        BigDecimal balanceDue,
        LocalDate dueDate,
        LocalDate issuedOn,
        UUID recipientStakeholderId,
        String notes,
        List<PaymentView> payments,
        long version) {

    /** The same invoice with its payments, as a list reads them for all its invoices at once. */
    public InvoiceView withPayments(List<PaymentView> received) {
        return new InvoiceView(id, clientId, engagementId, number, status, lines, total, paid, balanceDue, dueDate,
                issuedOn, recipientStakeholderId, notes, received, version);
    }
}
