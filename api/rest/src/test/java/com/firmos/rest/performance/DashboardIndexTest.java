package com.firmos.rest.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.SqlRecorder;

/**
 * The dashboards' queries use indexes on a realistic data set: one tenant at the scale (2,000 clients with
 * stakeholders and interactions, 10,000 deals, 500 engagements of 100 activities, 300,000 timeline entries) among
 * others of the same size. Each
 * endpoint runs over HTTP while its statements are recorded; each statement is then EXPLAINed with its own
 * parameters, and no plan may read one of the big tables from end to end.
 */
class DashboardIndexTest extends IntegrationTest {

    private static final Set<String> BIG_TABLES = Set.of("crm_client", "crm_deal", "planning_activity",
            "timeline_entry", "crm_stakeholder", "crm_interaction");
    private static final String SCALE_TENANT = "org_scale_" + UUID.randomUUID().toString().substring(0, 8);
    private static JdbcClient seededThrough;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void realisticDataSet() {
        synchronized (DashboardIndexTest.class) {
            if (seededThrough == null) {
                seed();
                seededThrough = jdbc;
            }
        }
    }

    /** The other tests share the database: a million rows would slow whatever reads every tenant. */
    @AfterAll
    static void removeTheDataSet() {
        if (seededThrough == null) {
            return;
        }
        for (String table : List.of("crm_interaction", "crm_stakeholder", "crm_client", "crm_deal",
                "planning_activity", "timeline_entry", "engagement")) {
            seededThrough.sql("DELETE FROM " + table + " WHERE organization_id = :org"
                    + " OR organization_id LIKE 'org_noise_%'").param("org", SCALE_TENANT).update();
        }
        seededThrough = null;
    }

    @Test
    void thePlanningViewOfOneEngagementReadsByIndex() {
        assertIndexed("/api/v1/engagements/" + engagementOf(7) + "/planning-view");
    }

    @Test
    void thePipelineReadsByIndex() {
        assertIndexed("/api/v1/pipeline");
    }

    @Test
    void theHealthListReadsByIndex() {
        assertIndexed("/api/v1/clients");
    }

    @Test
    void aTimelinePageReadsByIndex() {
        assertIndexed("/api/v1/timeline?limit=50");
    }

    private void assertIndexed(String path) {
        String token = token(SCALE_TENANT, "admin");
        Response[] answer = new Response[1];
        List<SqlRecorder.Statement> statements = SqlRecorder.during(() -> answer[0] = api.get(path, token));

        assertThat(answer[0].status()).as(answer[0].body()).isEqualTo(200);
        List<SqlRecorder.Statement> reads = statements.stream()
                .filter(statement -> statement.sql().stripLeading().toUpperCase().startsWith("SELECT"))
                .filter(statement -> BIG_TABLES.stream().anyMatch(statement.sql()::contains))
                .toList();
        assertThat(reads).as("statements reading the dashboard's tables").isNotEmpty();
        for (SqlRecorder.Statement read : reads) {
            String plan = explain(read);
            assertThat(BIG_TABLES.stream().filter(table -> plan.contains("Seq Scan on " + table + " ")).toList())
                    .as("%s%n%s", read.sql(), plan).isEmpty();
        }
    }

    private String explain(SqlRecorder.Statement statement) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            for (Map.Entry<Integer, Object> parameter : statement.parameters().entrySet()) {
                if (parameter.getValue() instanceof SqlRecorder.Null typed) {
                    explain.setNull(parameter.getKey(), typed.sqlType());
                } else {
                    explain.setObject(parameter.getKey(), parameter.getValue());
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (Exception e) {
            throw new IllegalStateException("could not EXPLAIN " + statement.sql(), e);
        }
    }

    private static UUID engagementOf(int index) {
        return UUID.nameUUIDFromBytes(("engagement-" + index).getBytes());
    }

    /** Straight into the read tables: the plans depend on the rows and their statistics, not on how they came. */
    private void seed() {
        String tenantOf = "CASE WHEN g % 20 = 0 THEN :org ELSE 'org_noise_' || (g % 20) END";
        jdbc.sql("""
                INSERT INTO crm_client (id, organization_id, name, status, version, created_at, updated_at)
                SELECT gen_random_uuid(), %s, 'Client ' || g, 'active', 0, now(), now()
                FROM generate_series(1, 40000) AS g""".formatted(tenantOf)).param("org", SCALE_TENANT).update();
        jdbc.sql("""
                INSERT INTO crm_deal (id, organization_id, client_id, name, value, stage, stage_entered_at, version,
                    created_at)
                SELECT gen_random_uuid(), %s, gen_random_uuid(), 'Deal ' || g, 1000,
                    (ARRAY['lead', 'qualified', 'discovery', 'proposal', 'negotiation', 'closed_won',
                        'closed_lost'])[1 + g %% 7], now() - (g %% 90) * interval '1 day', 0, now()
                FROM generate_series(1, 200000) AS g""".formatted(tenantOf))
                .param("org", SCALE_TENANT).update();
        // The engagements the board is read under: a board of no engagement is a 404.
        jdbc.sql("""
                INSERT INTO engagement (id, organization_id, client_id, name, status, phase, version, created_at,
                    updated_at)
                SELECT e, :org, gen_random_uuid(), 'Engagement', 'active', 'align', 0, now(), now()
                FROM unnest(CAST(:engagements AS uuid[])) AS e""")
                .param("org", SCALE_TENANT).param("engagements", engagements()).update();
        jdbc.sql("""
                INSERT INTO planning_activity (id, organization_id, engagement_id, title, status, phase, time_bucket,
                    order_index, version, created_at, updated_at)
                SELECT gen_random_uuid(), CASE WHEN g <= 50000 THEN :org ELSE 'org_noise_1' END,
                    (CAST(:engagements AS uuid[]))[1 + ((g - 1) / 100) % 500],
                    'Activity ' || g, 'planned', 'align',
                    (ARRAY['this_quarter', 'next_quarter', 'later'])[1 + g % 3], g % 100, 0, now(), now()
                FROM generate_series(1, 100000) AS g""")
                .param("org", SCALE_TENANT).param("engagements", engagements()).update();
        jdbc.sql("""
                INSERT INTO timeline_entry (event_id, global_position, organization_id, engagement_id, entity_type,
                    entity_id, event_type, occurred_at, internal)
                SELECT 'scale-' || :org || '-' || g, 900000000 + g,
                    CASE WHEN g % 2 = 0 THEN :org ELSE 'org_noise_2' END,
                    (CAST(:engagements AS uuid[]))[1 + g % 500], 'activity', md5(g::text), 'status_change',
                    now() - g * interval '1 second', false
                FROM generate_series(1, 600000) AS g""")
                .param("org", SCALE_TENANT).param("engagements", engagements()).update();
        jdbc.sql("""
                INSERT INTO crm_stakeholder (id, organization_id, client_id, title, roles, engagement_level,
                    subject_id, created_at)
                SELECT gen_random_uuid(), c.organization_id, c.id, 'CFO',
                    CASE WHEN n = 1 THEN ARRAY['champion'] ELSE ARRAY['economic_buyer'] END, 'high', NULL, now()
                FROM crm_client c CROSS JOIN generate_series(1, 2) AS n
                WHERE c.organization_id = :org OR c.organization_id LIKE 'org_noise_%'""")
                .param("org", SCALE_TENANT).update();
        jdbc.sql("""
                INSERT INTO crm_interaction (id, organization_id, client_id, type, subject, occurred_at,
                    stakeholder_ids, version)
                SELECT gen_random_uuid(), c.organization_id, c.id, 'call', 'Check-in',
                    now() - n * interval '3 days', ARRAY[]::uuid[], 0
                FROM crm_client c CROSS JOIN generate_series(1, 5) AS n
                WHERE c.organization_id = :org OR c.organization_id LIKE 'org_noise_%'""")
                .param("org", SCALE_TENANT).update();
        jdbc.sql("ANALYZE crm_client, crm_deal, planning_activity, timeline_entry, crm_stakeholder, crm_interaction")
                .update();
    }

    private static String[] engagements() {
        String[] ids = new String[500];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = engagementOf(i).toString();
        }
        return ids;
    }
}
