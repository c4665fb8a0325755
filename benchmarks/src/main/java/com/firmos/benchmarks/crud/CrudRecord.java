package com.firmos.benchmarks.crud;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The row a CRUD command changes. */
@Entity
@Table(name = "crud_record")
public class CrudRecord {

    @Id
    private UUID id;
    private String state;
    @Version
    private long version;

    protected CrudRecord() {
    }

    public UUID getId() {
        return id;
    }

    public String getState() {
        return state;
    }

    public long getVersion() {
        return version;
    }

    void setState(String state) {
        this.state = state;
    }
}
