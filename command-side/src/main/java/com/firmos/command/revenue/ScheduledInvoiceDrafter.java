package com.firmos.command.revenue;

import java.util.Collections;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.MetadataKeys;
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

    private static final Map<String, Object> SYSTEM = Collections.singletonMap(MetadataKeys.USER_ROLE, null);

    private final CommandGateway commands;

    ScheduledInvoiceDrafter(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ScheduledInvoiceDueEvent event) {
        try {
            // The schedule drafts, not whoever set it up: without a role the draft is a system command, so it
            // goes on when that consultant is no longer assigned to the client.
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DraftInvoiceCommand(event.invoiceId(),
                    event.organizationId(), event.draft())).andMetaData(SYSTEM));
        } catch (CommandExecutionException failed) {
            if (failed.getDetails().isEmpty()) {
                throw failed;
            }
            LOG.warn("Schedule {} could not draft its {} invoice: {}", event.scheduleId(), event.periodOn(),
                    failed.getMessage());
        }
    }
}
