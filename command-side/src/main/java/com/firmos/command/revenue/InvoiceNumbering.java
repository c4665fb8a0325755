package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.revenue.InvoiceNumberAssignedEvent;
import com.firmos.api.messages.revenue.IssueInvoiceCommand;
import com.firmos.command.CommandSideConfiguration;

/**
 * The tenant's invoice sequence. Every issue goes through it, so concurrent issues are serialised here and each
 * takes the next number; it is stored in the same transaction as the invoice, so no number is lost or reused.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "invoiceNumberingCache")
class InvoiceNumbering {

    static final String ID_PREFIX = IssueInvoiceCommand.NUMBERING_PREFIX;

    @AggregateIdentifier
    private String numberingId;
    private long last;

    InvoiceNumbering() {
    }

    long assign(String organizationId, java.util.UUID invoiceId, String number) {
        long sequence = last + 1;
        apply(new InvoiceNumberAssignedEvent(ID_PREFIX + organizationId, organizationId, sequence, invoiceId,
                number));
        return sequence;
    }

    long next() {
        return last + 1;
    }

    @EventSourcingHandler
    void on(InvoiceNumberAssignedEvent event) {
        numberingId = event.numberingId();
        last = event.sequence();
    }
}
