package com.firmos.command.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/**
 * Invoice money is exact: quantities and prices are decimals, each amount is quantity × unit price rounded half up
 * to cents, and the total is the sum of the amounts. Amounts sent by the caller are ignored, never trusted.
 */
final class InvoicePolicy {

    static final int LINES_MAX = 200;
    private static final BigDecimal QUANTITY_MAX = new BigDecimal("1000000");

    private InvoicePolicy() {
    }

    /** The draft as it will be stored: checked, with every line's amount computed. */
    static InvoiceDraft priced(InvoiceDraft draft) {
        FieldRules.required("draft", draft);
        FieldRules.required("clientId", draft.clientId());
        FieldRules.required("engagementId", draft.engagementId());
        FieldRules.required("dueDate", draft.dueDate());
        FieldRules.maxLength("notes", draft.notes(), 5_000);
        List<LineItem> lines = draft.lines() == null ? List.of() : draft.lines();
        if (lines.size() > LINES_MAX) {
            throw DomainException.invalid("lines", "an invoice has at most " + LINES_MAX + " lines");
        }
        List<LineItem> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            priced.add(priced("lines[" + i + "]", lines.get(i)));
        }
        // Each line is within bounds, their product and sum need not be: the read side stores the total.
        BigDecimal total = priced.stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(FieldRules.AMOUNT_MAX) > 0) {
            throw DomainException.invalid("lines", "an invoice's total must be at most " + FieldRules.AMOUNT_MAX);
        }
        return new InvoiceDraft(draft.clientId(), draft.engagementId(),
                draft.projectIds() == null ? List.of() : List.copyOf(draft.projectIds()), List.copyOf(priced),
                draft.dueDate(), draft.recipientStakeholderId(), draft.notes());
    }

    static BigDecimal total(InvoiceDraft draft) {
        return draft.lines().stream().map(LineItem::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static LineItem priced(String field, LineItem line) {
        FieldRules.required(field, line);
        FieldRules.requiredText(field + ".description", line.description(), 500);
        FieldRules.required(field + ".quantity", line.quantity());
        FieldRules.usdAmount(field + ".unitPrice", line.unitPrice());
        if (line.quantity().signum() <= 0 || line.quantity().compareTo(QUANTITY_MAX) > 0
                || line.quantity().scale() > 4) {
            throw DomainException.invalid(field + ".quantity", "quantity must be above 0, at most a million, with"
                    + " at most four decimals");
        }
        BigDecimal amount = line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP);
        return new LineItem(line.description().strip(), line.quantity(), line.unitPrice(), amount);
    }
}
