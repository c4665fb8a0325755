package com.firmos.rest.fasttrack;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class ToolDocumentApiTest extends IntegrationTest {

    private static final String WOOP = "/api/v1/fast-track/tools/woop/document";

    @BeforeEach
    void anaMayEditWoop() {
        grant(admin(), "u_ana", "edit", null);
    }

    @Test
    void theCatalogListsThirtyToolsWithTheirSchemas() {
        JsonNode tools = api.get("/api/v1/fast-track/tools", admin()).json().get("tools");

        assertThat(tools.size()).isEqualTo(30);
        assertThat(text(tools, "0/slug")).isEqualTo("woop");
        assertThat(at(tools, "0/schema/properties").has("obstacle")).isTrue();
        assertThat(text(tools, "24/childTables/0")).isEqualTo("team_assessments");
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
        assertThat(stale.text("field")).isEqualTo("version");
        assertThat(api.get(WOOP, ana).text("data/wish")).isEqualTo("First");
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
        assertThat(refused.text("field")).isEqualTo("data.wish");
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
        assertThat(text(data, "wish")).isEqualTo("Grow");
        assertThat(text(data, "outcome")).isEqualTo("Profit");
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
        assertThat(text(document, "status")).isEqualTo("submitted");
        assertThat(document.get("submittedAt").isNull()).isFalse();
    }

    @Test
    void eachUserHasTheirOwnDocumentAndTenantsAreApart() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        save(ana, "\"0\"", "{\"wish\": \"Ana's wish\"}");

        grant(admin(), "u_bob", "view", null);
        grant(token(otherTenant, "admin"), "u_ana", "edit", null);

        assertThat(api.get(WOOP, token(tenant, "consultant", "u_bob")).status()).isEqualTo(404);
        assertThat(api.get(WOOP, token(otherTenant, "consultant", "u_ana")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/fast-track/dashboard?all=true", token(otherTenant, "admin")).json().get("tools")
                .size()).isZero();
    }

    @Test
    void theDashboardListsEveryToolWithTheUsersStatusAndProgress() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        api.post(WOOP + "/status", ana, "{\"status\": \"in_progress\"}");
        save(ana, "\"0\"", "{\"wish\": \"Grow\", \"plan\": \"Hire\", \"obstacle\": \" \"}");

        JsonNode tools = api.get("/api/v1/fast-track/dashboard", ana).json().get("tools");

        assertThat(tools.size()).isEqualTo(30);
        assertThat(text(tools, "0/status")).isEqualTo("in_progress");
        assertThat(text(tools, "0/progress")).isEqualTo("in_progress");
        assertThat(number(tools, "0/percentage")).as("two of four fields filled").isEqualTo(50);
        assertThat(text(tools, "1/progress")).isEqualTo("not_started");
        assertThat(api.get("/api/v1/fast-track/dashboard?all=true", ana).status()).isEqualTo(403);
    }

    @Test
    void completingAToolShowsItCompletedAndReopeningBringsItBack() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        save(ana, "\"0\"", "{\"wish\": \"Grow\"}");
        api.post(WOOP + "/status", ana, "{\"status\": \"in_progress\"}");
        api.post(WOOP + "/status", ana, "{\"status\": \"completed\"}");

        JsonNode completed = api.get("/api/v1/fast-track/dashboard?all=true", admin()).at("tools/0");
        api.post(WOOP + "/status", ana, "{\"status\": \"in_progress\"}");
        JsonNode reopened = api.get("/api/v1/fast-track/dashboard", ana).at("tools/0");

        assertThat(text(completed, "userId")).isEqualTo("u_ana");
        assertThat(text(completed, "progress")).isEqualTo("completed");
        assertThat(number(completed, "percentage")).isEqualTo(100);
        assertThat(completed.get("completedAt").isNull()).isFalse();
        assertThat(text(reopened, "progress")).isEqualTo("in_progress");
        assertThat(number(reopened, "percentage")).isEqualTo(25);
    }

    @Test
    void everySaveIsAVersionToReadAndCompare() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        save(ana, "\"0\"", "{\"wish\": \"Grow\", \"plan\": \"Hire\"}");
        save(ana, "\"1\"", "{\"wish\": \"Grow faster\", \"outcome\": \"Profit\"}");

        JsonNode versions = api.get(WOOP + "/versions", ana).json().get("versions");
        JsonNode first = api.get(WOOP + "/versions/1", ana).json();
        JsonNode changes = api.get(WOOP + "/diff?from=1&to=2", ana).json().get("changes");

        assertThat(versions.size()).isEqualTo(3);
        assertThat(text(first, "data/plan")).isEqualTo("Hire");
        assertThat(changes.size()).isEqualTo(3);
        assertThat(text(changes, "0/path")).isEqualTo("data.outcome");
        assertThat(text(changes, "0/change")).isEqualTo("added");
        assertThat(text(changes, "1/path")).isEqualTo("data.plan");
        assertThat(text(changes, "1/change")).isEqualTo("removed");
        assertThat(text(changes, "2/before")).isEqualTo("Grow");
        assertThat(text(changes, "2/after")).isEqualTo("Grow faster");
        assertThat(api.get(WOOP + "/diff?from=1&to=9", ana).status()).isEqualTo(404);
        assertThat(api.get(WOOP + "/versions", token(tenant, "consultant", "u_bob")).status()).isEqualTo(403);
    }

    @Test
    void hypothesesAndTeamAssessmentsLandInTheirToolsChildTables() {
        grantOn("value_proposition");
        grantOn("fit_abc_analysis");
        String ana = token(tenant, "consultant", "u_ana");
        api.post("/api/v1/fast-track/tools/value_proposition/document", ana, null);
        api.post("/api/v1/fast-track/tools/fit_abc_analysis/document", ana, null);

        Response added = api.post("/api/v1/fast-track/tools/value_proposition/document/hypotheses", ana,
                "{\"text\": \"Buyers hate setup\", \"category\": \"pain\", \"priority\": 1}");
        Response assessed = api.post("/api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments", ana, """
                {"memberName": "Bo", "role": "Sales", "energy": 8, "skill": 7, "values": 9, "impact": 6,
                 "rating": "a", "actionItems": ["Own Q3 pipeline"]}""");
        Response badScore = api.post("/api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments", ana,
                "{\"memberName\": \"Cy\", \"energy\": 0, \"skill\": 7, \"values\": 9, \"impact\": 6, "
                        + "\"rating\": \"B\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.text("details/category")).isEqualTo("pain");
        assertThat(added.header("Location")).isEqualTo(
                "/api/v1/fast-track/tools/value_proposition/document/hypotheses/" + added.text("id"));
        assertThat(api.get(added.header("Location"), ana).body()).isEqualTo(added.body());
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        assertThat(assessed.text("details/memberName")).isEqualTo("Bo");
        assertThat(assessed.header("Location")).isEqualTo(
                "/api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments/" + assessed.text("id"));
        assertThat(api.get(assessed.header("Location"), ana).body()).isEqualTo(assessed.body());
        String elsewhere = token(otherTenant, "admin");
        assertThat(api.post("/api/v1/fast-track/tools/fit_abc_analysis/document", elsewhere, null).status())
                .isEqualTo(201);
        Response theirs = api.get(assessed.header("Location"), elsewhere);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.text("detail")).as("their own document has no such assessment").contains("team assessment");
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.text("field")).isEqualTo("energy");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM sprint_15_value_proposition.hypotheses h
                JOIN sprint_15_value_proposition.tool_data d ON d.id = h.tool_data_id
                WHERE d.organization_id = :org""")
                .param("org", tenant).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT abc_rating FROM sprint_24_fit_abc_analysis.team_assessments a
                JOIN sprint_24_fit_abc_analysis.tool_data d ON d.id = a.tool_data_id
                WHERE d.organization_id = :org""")
                .param("org", tenant).query(String.class).single()).isEqualTo("A");
        String hypothesis = added.text("id");
        assertThat(api.send("DELETE", "/api/v1/fast-track/tools/value_proposition/document/hypotheses/" + hypothesis,
                ana, null, Map.of()).json().get("hypotheses").size()).isZero();
    }

    @Test
    void aDreamRefersOnlyToTheUsersOwnKnowThyself() {
        grantOn("know_thyself");
        grantOn("dream");
        String ana = token(tenant, "consultant", "u_ana");
        String own = api.post("/api/v1/fast-track/tools/know_thyself/document", ana, null).text("id");
        api.post("/api/v1/fast-track/tools/dream/document", ana, null);
        String dream = "/api/v1/fast-track/tools/dream/document";

        Response foreign = api.put(dream, ana, "{\"sourceKnowThyselfId\": \"" + UUID.randomUUID() + "\"}",
                Map.of("If-Match", "\"0\""));
        Response linked = api.put(dream, ana, "{\"sourceKnowThyselfId\": \"" + own + "\"}",
                Map.of("If-Match", "\"0\""));

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.text("field")).isEqualTo("data.sourceKnowThyselfId");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    }

    @Test
    void withoutAPermissionAToolIsRefused() {
        Response refused = api.post(WOOP, token(tenant, "consultant", "u_carl"), null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("field")).isEqualTo("toolSlug");
        assertThat(api.post("/api/v1/fast-track/tools/dream/document", token(tenant, "consultant", "u_ana"), null)
                .status()).as("edit on woop is not edit on dream").isEqualTo(403);
    }

    @Test
    void viewAccessReadsButDoesNotSave() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        grant(admin(), "u_ana", "view", null);

        assertThat(api.get(WOOP, ana).status()).isEqualTo(200);
        assertThat(save(ana, "\"0\"", "{\"wish\": \"x\"}").status()).isEqualTo(403);
    }

    @Test
    void anExpiredPermissionIsRefused() {
        String ana = token(tenant, "consultant", "u_ana");
        api.post(WOOP, ana, null);
        grant(admin(), "u_ana", "edit", Instant.now().plusSeconds(2));

        await("the permission lapsed").atMost(Duration.ofSeconds(10)).until(() -> api.get(WOOP, ana).status() == 403);
        assertThat(save(ana, "\"0\"", "{\"wish\": \"x\"}").status()).isEqualTo(403);
    }

    @Test
    void aRevokedPermissionIsRefusedAndOnlyAdminsGrant() {
        String ana = token(tenant, "consultant", "u_ana");
        assertThat(api.send("DELETE", "/api/v1/fast-track/access/u_ana/woop", admin(), null, Map.of()).status())
                .isEqualTo(204);

        assertThat(api.post(WOOP, ana, null).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/fast-track/access/u_ana/woop", ana, "{\"level\": \"admin\"}").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/fast-track/access", ana).json().get("permissions").size()).isZero();
    }

    @Test
    void aDocumentsNumbersStayAsTheyWereWritten() {
        grantOn("purpose");
        String ana = token(tenant, "consultant", "u_ana");
        String purpose = "/api/v1/fast-track/tools/purpose/document";
        api.post(purpose, ana, null);

        // 16 significant digits: a double holds neither, and the first reads back as 9.999999999999998E11.
        Response saved = api.put(purpose, ana, "{\"a\": 999999999999.9997, \"b\": {\"c\": [123456789012.0001]}}",
                Map.of("If-Match", "\"0\""));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        await("the document's view").atMost(Duration.ofSeconds(30))
                .until(() -> number(api.get(purpose, ana).json(), "version") == 1);
        // As text: a client that reads JSON numbers as doubles could not tell the two apart.
        assertThat(api.get(purpose, ana).body()).contains("\"a\":999999999999.9997", "[123456789012.0001]");
    }

    private void grantOn(String tool) {
        assertThat(api.put("/api/v1/fast-track/access/u_ana/" + tool, admin(), "{\"level\": \"edit\"}").status())
                .isEqualTo(200);
    }

    private void grant(String adminToken, String userId, String level, Instant expiresAt) {
        Response granted = api.put("/api/v1/fast-track/access/" + userId + "/woop", adminToken,
                "{\"level\": \"%s\", \"expiresAt\": %s}".formatted(level,
                        expiresAt == null ? "null" : "\"" + expiresAt + "\""));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    }

    private Response save(String token, String version, String body) {
        return api.put(WOOP, token, body, Map.of("If-Match", version));
    }
}
