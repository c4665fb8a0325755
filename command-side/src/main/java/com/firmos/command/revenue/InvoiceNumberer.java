package com.firmos.command.revenue;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Hands out the tenant's next invoice number, in the unit of work of the invoice being issued, so a number is
 * used exactly when the invoice that takes it is stored. Axon injects it into the issue handler.
 */
public interface InvoiceNumberer {

    AssignedNumber next(String organizationId, UUID invoiceId, LocalDate issuedOn);

    /** The position in the tenant's sequence and the number as printed. */
    record AssignedNumber(long sequence, String number) {
    }
}
