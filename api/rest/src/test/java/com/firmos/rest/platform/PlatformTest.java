package com.firmos.rest.platform;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** What operators rely on: health, the API document, and an event store schema that Flyway owns. */
class PlatformTest extends IntegrationTest {

    @Test
    void healthWithoutAnOperatorsTokenTellsOnlyUpOrDown() {
        for (String token : new String[] {null, admin(), token(tenant, "viewer")}) {
            Response health = api.get("/actuator/health", token);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().propertyNames()).containsExactly("status");
            assertThat(health.text("status")).isEqualTo("UP");
        }
    }

    @Test
    void healthReportsDatabaseAndEventProcessorsToOperators() {
        Response health = api.get("/actuator/health", operatorOfNoTenant());

        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(text(components, "db/status")).isEqualTo("UP");
        JsonNode processors = components.get("eventProcessors");
        assertThat(text(processors, "status")).isEqualTo("UP");
        assertThat(processors.get("details").has("planning-view")).isTrue();
        assertThat(processors.get("details").has("timeline")).isTrue();
    }

    @Test
    void openApiDocumentDescribesTheWorkbenchEndpoints() {
        Response document = api.get("/v3/api-docs", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames())
                .contains("/api/v1/activities", "/api/v1/activities/{id}/status", "/api/v1/timeline",
                        "/api/v1/engagements/{engagementId}/planning-view");
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        Response page = api.get("/swagger-ui/index.html", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void unknownPathsAreDenied() {
        assertThat(api.get("/internal/anything", admin()).status()).isIn(403, 404);
    }

    @Test
    void eventStoreKeepsNoLargeObjects() {
        List<String> oidColumns = jdbc.sql("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'oid'""").query(String.class).list();
        String payloadType = jdbc.sql("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'payload'""")
                .query(String.class).single();

        assertThat(oidColumns).isEmpty();
        assertThat(payloadType).isEqualTo("bytea");
    }

    @Test
    void globalIndexSequenceHandsOutOneIdAtATime() {
        long increment = jdbc.sql("""
                SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_seq'""")
                .query(Long.class).single();

        assertThat(increment).isEqualTo(1);
    }

    @Test
    void everyTableIsCreatedByFlyway() {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'""")
                .query(String.class).list();

        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "saga_entry",
                "association_value_entry", "dead_letter_entry", "planning_activity", "timeline_entry",
                "flyway_schema_history");
    }
}
