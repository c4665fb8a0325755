package com.firmos.command.revenue;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.revenue.DraftInvoiceCommand;
import com.firmos.api.messages.revenue.ScheduledInvoiceDueEvent;

/**
 * Drafts the invoice a schedule's period asks for. The invoice id is fixed in the event and drafting the same
 * invoice again is a no-op, so redelivery never makes a second draft. A refusal (the engagement closed since) is
 * logged and skipped: retrying cannot change it. Replaying would only repeat commands, so it is refused.
 */
@Component
@DisallowReplay
@ProcessingGroup(ScheduledInvoiceDrafter.PROCESSING_GROUP)
class ScheduledInvoiceDrafter {

    static final String PROCESSING_GROUP = "invoice-drafting";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledInvoiceDrafter.class);

    private final CommandGateway commands;

    ScheduledInvoiceDrafter(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ScheduledInvoiceDueEvent event) {
        try {
            commands.sendAndWait(new DraftInvoiceCommand(event.invoiceId(), event.organizationId(), event.draft()));
        } catch (CommandExecutionException failed) {
            if (failed.getDetails().isEmpty()) {
                throw failed;
            }
            LOG.warn("Schedule {} could not draft its {} invoice: {}", event.scheduleId(), event.periodOn(),
                    failed.getMessage());
        }
    }
}
