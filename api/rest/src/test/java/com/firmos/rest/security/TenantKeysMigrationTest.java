package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.rest.support.ScratchDatabase;

/**
 * V22 re-keys the read tables of a database that already holds rows: child rows get their tenant from their
 * parent, and afterwards every unique key of a read table starts with the tenant. Runs in a database of its own,
 * migrated to V21, filled, then migrated to V22.
 */
class TenantKeysMigrationTest {

    private static final String ORG = "org_migrated";
    private static final List<String> NOT_READ_MODELS = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history",
            "event_chain", "event_chain_head", "scheduled_tasks", "processing_node", "idempotent_request",
            "portal_failed_attempt", "personal_data_key", "personal_data_erasure");

    private ScratchDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void databaseAtV21() {
        database = new ScratchDatabase("tenant_keys");
        jdbc = database.jdbc();
        migrateTo("21");
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void childRowsTakeTheTenantOfTheirParentAndEveryUniqueKeyStartsWithIt() {
        UUID client = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO crm_client (id, organization_id, name, status, version, created_at, updated_at)
                VALUES (:client, :org, 'Northwind', 'active', 1, now(), now());
                INSERT INTO crm_client_assignment (client_id, user_id, role) VALUES (:client, 'user_ada', 'lead');
                INSERT INTO crm_deal (id, organization_id, client_id, name, value, stage, stage_entered_at, version,
                    created_at)
                VALUES (:deal, :org, :client, 'Platform', 1000, 'qualified', now(), 1, now());
                INSERT INTO crm_deal_competitor (deal_id, competitor_id, status)
                VALUES (:deal, gen_random_uuid(), 'active');
                INSERT INTO crm_deal_stage_report (event_id, deal_id, left_stage, entered_stage, changed_at, criteria)
                VALUES ('event-1', :deal, 'lead', 'qualified', now(), '[]');
                INSERT INTO crm_deal_proposal (proposal_id, deal_id, client_id)
                VALUES (gen_random_uuid(), :deal, :client);
                INSERT INTO sprint_15_value_proposition.tool_data (id, user_id, organization_id, data, status, version,
                    created_at, updated_at, event_version)
                VALUES (:document, 'user_ada', :org, '{}', 'draft', 0, now(), now(), 0);
                INSERT INTO sprint_15_value_proposition.hypotheses (id, tool_data_id, hypothesis_text, category)
                VALUES (gen_random_uuid(), :document, 'They pay', 'value');
                INSERT INTO timeline_entry (event_id, global_position, organization_id, entity_type, entity_id,
                    event_type, occurred_at)
                VALUES ('event-2', 1, :org, 'activity', CAST(:activity AS text), 'created', now());
                INSERT INTO timeline_suggestion (activity_id) VALUES (:activity);
                INSERT INTO crm_client_assignment (client_id, user_id, role)
                VALUES (gen_random_uuid(), 'user_orphan', 'lead')""")
                .param("client", client).param("deal", deal).param("document", document).param("activity", activity)
                .param("org", ORG).update();
        assertThat(uniqueKeysNotStartingWithTheTenant()).as("keys by id alone before V22")
                .contains("public.planning_activity_comment: planning_activity_comment_pkey");

        migrateTo("22");

        for (String table : List.of("crm_client_assignment", "crm_deal_competitor", "crm_deal_stage_report",
                "crm_deal_proposal", "sprint_15_value_proposition.hypotheses", "timeline_suggestion")) {
            assertThat(jdbc.sql("SELECT organization_id FROM " + table).query(String.class).list()).as(table)
                    .containsExactly(ORG);
        }
        assertThat(uniqueKeysNotStartingWithTheTenant()).isEmpty();
        jdbc.sql("DELETE FROM sprint_15_value_proposition.tool_data WHERE organization_id = :org AND id = :id")
                .param("org", ORG).param("id", document).update();
        assertThat(jdbc.sql("SELECT count(*) FROM sprint_15_value_proposition.hypotheses").query(Long.class)
                .single()).as("hypotheses still go with their document").isZero();
    }

    /** Primary keys, unique constraints and unique indexes of read tables whose first column is not the tenant. */
    private List<String> uniqueKeysNotStartingWithTheTenant() {
        return jdbc.sql("""
                SELECT n.nspname || '.' || t.relname || ': ' || i.relname FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
                WHERE x.indisunique AND (n.nspname IN ('public', 'tool_access') OR n.nspname LIKE 'sprint\\_%')
                  AND NOT t.relname = ANY(:excluded) AND a.attname <> 'organization_id'
                ORDER BY 1""")
                .param("excluded", NOT_READ_MODELS.toArray(String[]::new)).query(String.class).list();
    }

    private void migrateTo(String version) {
        database.flyway(version).migrate();
    }
}
