package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.revenue.EraseVendorContactCommand;
import com.firmos.api.messages.revenue.RegisterVendorCommand;
import com.firmos.api.messages.revenue.VendorContactErasedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** A counterparty the firm pays; bills name it. Its contact's email and phone are sealed under the vendor's id. */
@Aggregate
class Vendor {

    private static final String ADMIN = "admin";

    @AggregateIdentifier
    private UUID vendorId;
    private String organizationId;
    private String name;
    private boolean contactErased;

    Vendor() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterVendorCommand command) {
        if (vendorId != null) {
            // Sealed values differ on every request, so a retried registration is recognised by tenant and name.
            if (!organizationId.equals(command.organizationId()) || !name.equals(command.name())) {
                throw Refusals.idTaken();
            }
            return;
        }
        FieldRules.requiredText("name", command.name(), 200);
        FieldRules.sealed("email", command.email(), command.vendorId());
        FieldRules.sealed("phone", command.phone(), command.vendorId());
        apply(new VendorRegisteredEvent(command.vendorId(), command.organizationId(), command.name(),
                command.email(), command.phone()));
    }

    @CommandHandler
    void handle(EraseVendorContactCommand command) {
        if (!organizationId.equals(command.organizationId())) {
            throw DomainException.notFound("vendor");
        }
        if (command.actor() == null || !ADMIN.equals(command.actor().role())) {
            throw new DomainException(RefusalCode.FORBIDDEN, null, "only admins erase people");
        }
        if (!contactErased) {
            apply(new VendorContactErasedEvent(vendorId, organizationId));
        }
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
    }

    @EventSourcingHandler
    void on(VendorContactErasedEvent event) {
        contactErased = true;
    }
}
