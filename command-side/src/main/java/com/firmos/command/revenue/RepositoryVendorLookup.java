package com.firmos.command.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

@Component
class RepositoryVendorLookup implements VendorLookup {

    private final Repository<Vendor> vendors;

    RepositoryVendorLookup(Repository<Vendor> vendors) {
        this.vendors = vendors;
    }

    @Override
    public void requireKnown(UUID vendorId, String organizationId) {
        FieldRules.required("vendorId", vendorId);
        try {
            vendors.load(vendorId.toString()).execute(it -> it.requireTenant(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.invalid("vendorId", "vendorId names no vendor of your organization");
    }
}
