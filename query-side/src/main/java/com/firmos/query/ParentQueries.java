package com.firmos.query;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.ParentExistsQuery;

/**
 * Whether a collection's parent exists in the tenant, so that a collection under another tenant's (or no) parent is
 * a 404 exactly like the parent itself, instead of an empty 200 that tells "it exists, nothing here yet".
 */
@Component
class ParentQueries {

    private final JdbcClient jdbc;

    ParentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Boolean handle(ParentExistsQuery query) {
        // Table names come from the enum, never from the request.
        String table = switch (query.kind()) {
            case ENGAGEMENT -> "engagement";
            case CONVERSATION -> "conversation";
        };
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE organization_id = :org AND id = :id)")
                .param("org", query.organizationId()).param("id", query.id()).query(Boolean.class).single();
    }
}
