package com.firmos.rest.fasttrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class ToolDocumentApiTest extends IntegrationTest {

    private static final String WOOP = "/api/v1/fast-track/tools/woop/document";

    @Test
    void theCatalogListsThirtyToolsWithTheirSchemas() {
        JsonNode tools = api.get("/api/v1/fast-track/tools", admin()).json().get("tools");

        assertThat(tools.size()).isEqualTo(30);
        assertThat(tools.get(0).get("slug").asString()).isEqualTo("woop");
        assertThat(tools.get(0).get("schema").get("properties").has("obstacle")).isTrue();
        assertThat(tools.get(24).get("childTables").get(0).asString()).isEqualTo("team_assessments");
    }

    @Test
    void aSavedWoopDocumentIsInItsToolsSchema() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);

        Response saved = save(ana, "\"0\"", "{\"wish\": \"Double revenue\", \"plan\": \"Hire two sellers\"}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        Map<String, Object> row = jdbc.sql("""
                SELECT data->>'wish' AS wish, version, status FROM sprint_00_woop.tool_data
                WHERE organization_id = :org AND user_id = 'u_ana'""")
                .param("org", tenant).query().singleRow();
        assertThat(row).containsEntry("wish", "Double revenue").containsEntry("version", 1L)
                .containsEntry("status", "draft");
    }

    @Test
    void aSaveFromAnOlderVersionIsAConflictAndChangesNothing() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        save(ana, "\"0\"", "{\"wish\": \"First\"}");

        Response stale = save(ana, "\"0\"", "{\"wish\": \"Second\"}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("field").asString()).isEqualTo("version");
        assertThat(api.get(WOOP, ana).json().get("data").get("wish").asString()).isEqualTo("First");
    }

    @Test
    void aSaveWithoutAVersionIsRefused() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);

        assertThat(api.put(WOOP, ana, "{\"wish\": \"x\"}").status()).isEqualTo(428);
    }

    @Test
    void dataTheSchemaRejectsGetsA400NamingThePath() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);

        Response refused = save(ana, "\"0\"", "{\"wish\": 42}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("data.wish");
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMergePatchKeepsWhatItDoesNotName() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        save(ana, "\"0\"", "{\"wish\": \"Grow\", \"plan\": \"Hire\"}");

        Response patched = api.send("PATCH", WOOP, ana, "{\"plan\": null, \"outcome\": \"Profit\"}",
                Map.of("If-Match", "\"1\"", "Content-Type", "application/merge-patch+json"));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode data = patched.json().get("data");
        assertThat(data.get("wish").asString()).isEqualTo("Grow");
        assertThat(data.get("outcome").asString()).isEqualTo("Profit");
        assertThat(data.has("plan")).isFalse();
    }

    @Test
    void aSubmittedDocumentIsFrozen() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        for (String status : new String[] {"in_progress", "completed", "submitted"}) {
            assertThat(api.post(WOOP + "/status", ana, "{\"status\": \"" + status + "\"}").status()).isEqualTo(200);
        }

        assertThat(save(ana, "\"0\"", "{\"wish\": \"Late\"}").status()).isEqualTo(409);
        JsonNode document = api.get(WOOP, ana).json();
        assertThat(document.get("status").asString()).isEqualTo("submitted");
        assertThat(document.get("submittedAt").isNull()).isFalse();
    }

    @Test
    void eachUserHasTheirOwnDocumentAndTenantsAreApart() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        save(ana, "\"0\"", "{\"wish\": \"Ana's wish\"}");

        assertThat(api.get(WOOP, token(tenant, "consultant", "u_bob")).status()).isEqualTo(404);
        assertThat(api.get(WOOP, token(otherTenant, "consultant", "u_ana")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/fast-track/dashboard?all=true", token(otherTenant, "admin")).json().get("tools")
                .size()).isZero();
    }

    @Test
    void theDashboardListsEveryToolWithTheUsersStatus() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        api.post(WOOP + "/status", ana, "{\"status\": \"in_progress\"}");

        JsonNode tools = api.get("/api/v1/fast-track/dashboard", ana).json().get("tools");

        assertThat(tools.size()).isEqualTo(30);
        assertThat(tools.get(0).get("status").asString()).isEqualTo("in_progress");
        assertThat(tools.get(1).get("status").isNull()).isTrue();
        assertThat(api.get("/api/v1/fast-track/dashboard?all=true", ana).status()).isEqualTo(403);
    }

    private Response save(String token, String version, String body) {
        return api.put(WOOP, token, body, Map.of("If-Match", version));
    }
}
