package com.firmos.benchmarks.crud;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit row a CRUD command inserts beside its change. */
@Entity
@Table(name = "crud_audit")
public class CrudAudit {

    @Id
    private UUID id;
    private UUID recordId;
    private String oldState;
    private String newState;
    private Instant changedAt;

    protected CrudAudit() {
    }

    CrudAudit(UUID recordId, String oldState, String newState) {
        this.id = UUID.randomUUID();
        this.recordId = recordId;
        this.oldState = oldState;
        this.newState = newState;
        this.changedAt = Instant.now();
    }
}
