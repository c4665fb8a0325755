package com.firmos.command.revenue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.revenue.BillTimeEntriesCommand;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/**
 * Bills time entries on a draft invoice. The entries and the invoice change in one unit of work: an entry another
 * draft billed first is refused, and then nothing of this request is stored. Two drafts billing the same entry at
 * once are serialised by the entry's aggregate, so it ends up on exactly one of them.
 */
@Component
class TimeBilling {

    private final Repository<Invoice> invoices;
    private final Repository<TimeEntry> entries;

    TimeBilling(Repository<Invoice> invoices, Repository<TimeEntry> entries) {
        this.invoices = invoices;
        this.entries = entries;
    }

    @CommandHandler
    void handle(BillTimeEntriesCommand command, MetaData metaData, ClientWriteAccess access) {
        var invoice = invoices.load(command.invoiceId().toString());
        // Loaded through the repository, the invoice's own interceptor does not run; its entries share its engagement.
        // Access first, so that a caller without it learns nothing of the invoice's state.
        invoice.execute(it -> it.requireWriteAccess(metaData, access));
        UUID engagementId = invoice.invoke(it -> it.engagementForBilling(command.organizationId()));
        FieldRules.usdAmount("hourlyRate", command.hourlyRate());
        FieldRules.required("timeEntryIds", command.timeEntryIds());
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(command.timeEntryIds()));
        if (ids.isEmpty() || ids.size() > InvoicePolicy.LINES_MAX) {
            throw DomainException.invalid("timeEntryIds", "name between 1 and " + InvoicePolicy.LINES_MAX
                    + " time entries");
        }
        List<LineItem> lines = new ArrayList<>();
        for (UUID id : ids) {
            lines.add(entries.load(id.toString()).invoke(entry -> entry.billOn(command.organizationId(), engagementId,
                    command.invoiceId(), command.hourlyRate())));
        }
        invoice.execute(it -> it.addTimeLines(lines, ids));
    }
}
