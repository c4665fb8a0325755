package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.revenue.RegisterVendorCommand;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** A counterparty the firm pays; bills name it. */
@Aggregate
class Vendor {

    @AggregateIdentifier
    private UUID vendorId;
    private String organizationId;
    private String name;
    private String email;

    Vendor() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterVendorCommand command) {
        if (vendorId != null) {
            if (!organizationId.equals(command.organizationId()) || !name.equals(command.name())
                    || !Objects.equals(email, command.email())) {
                throw Refusals.idTaken();
            }
            return;
        }
        FieldRules.requiredText("name", command.name(), 200);
        FieldRules.email("email", command.email());
        apply(new VendorRegisteredEvent(command.vendorId(), command.organizationId(), command.name(),
                command.email()));
    }

    void requireTenant(String callerOrganizationId) {
        if (vendorId == null || !organizationId.equals(callerOrganizationId)) {
            throw RepositoryVendorLookup.unknown();
        }
    }

    @EventSourcingHandler
    void on(VendorRegisteredEvent event) {
        vendorId = event.vendorId();
        organizationId = event.organizationId();
        name = event.name();
        email = event.email();
    }
}
