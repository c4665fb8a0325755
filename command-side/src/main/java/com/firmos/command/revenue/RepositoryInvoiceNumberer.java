package com.firmos.command.revenue;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Numbers from the tenant's {@link InvoiceNumbering}, printed with {@code firmos.invoices.number-format}. */
@Component
class RepositoryInvoiceNumberer implements InvoiceNumberer {

    private final Repository<InvoiceNumbering> numberings;
    private final String format;

    RepositoryInvoiceNumberer(Repository<InvoiceNumbering> numberings,
            @Value("${firmos.invoices.number-format:INV-%1$tY-%2$04d}") String format) {
        this.numberings = numberings;
        this.format = format;
    }

    @Override
    public AssignedNumber next(String organizationId, UUID invoiceId, LocalDate issuedOn) {
        try {
            var numbering = numberings.loadOrCreate(InvoiceNumbering.ID_PREFIX + organizationId,
                    InvoiceNumbering::new);
            long sequence = numbering.invoke(InvoiceNumbering::next);
            String number = String.format(format, issuedOn, sequence);
            numbering.execute(it -> it.assign(organizationId, invoiceId, number));
            return new AssignedNumber(sequence, number);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
