package com.firmos.rest.portal;

import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

/** Client contacts fill in their own Fast Track documents through the portal, tool by tool as staff allow. */
class PortalFastTrackApiTest extends IntegrationTest {

    private static final String WOOP = "/api/v1/portal/fast-track/tools/woop/document";

    private String engagement;

    @BeforeEach
    void anEngagement() {
        engagement = new Playbook(api, admin()).engagement().toString();
    }

    @Test
    void contactFillsInTheirOwnDocumentOfAToolStaffOpenedToThem() {
        Grant grace = grant("Grace Hopper");
        assertThat(api.post(WOOP, grace.session(), null).status()).isEqualTo(403);
        allowWoop(grace);

        assertThat(api.post(WOOP, grace.session(), null).status()).isEqualTo(201);
        Response saved = api.put(WOOP, grace.session(), "{\"wish\": \"Grow abroad\"}", Map.of("If-Match", "\"0\""));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.text("data/wish")).isEqualTo("Grow abroad");
        JsonNode mine = api.get("/api/v1/portal/fast-track/dashboard", grace.session()).json().get("tools");
        assertThat(mine.valueStream().filter(row -> text(row, "toolSlug").equals("woop")).findFirst()
                .map(row -> number(row, "version")).orElseThrow()).isEqualTo(1);
        assertThat(api.get("/api/v1/fast-track/dashboard?all=true", admin()).body()).contains(grace.userId());
        String metadata = jdbc.sql("SELECT string_agg(convert_from(meta_data, 'UTF8'), '') FROM domain_event_entry"
                + " WHERE type = 'ToolDocument'").query(String.class).single();
        assertThat(metadata).contains(grace.userId()).doesNotContain("Grace Hopper");
    }

    @Test
    void documentsBelongToTheirContactAndStaffDocumentsStayApart() {
        Grant grace = grant("Grace");
        Grant alan = grant("Alan");
        allowWoop(grace);
        allowWoop(alan);
        api.post(WOOP, grace.session(), null);
        api.put(WOOP, grace.session(), "{\"wish\": \"Grace's wish\"}", Map.of("If-Match", "\"0\""));

        assertThat(api.get(WOOP, alan.session()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/fast-track/tools/woop/document", admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/fast-track/tools/woop/document", grace.session()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/portal/fast-track/dashboard?all=true", grace.session()).status()).isEqualTo(403);
    }

    @Test
    void aContactsHypothesisIsReadWhereItsLocationSaysAndOnlyByThem() {
        Grant grace = grant("Grace");
        Grant alan = grant("Alan");
        for (Grant contact : List.of(grace, alan)) {
            assertThat(api.put("/api/v1/fast-track/access/" + contact.userId() + "/value_proposition", admin(),
                    "{\"level\": \"edit\"}").status()).isEqualTo(200);
        }
        String document = "/api/v1/portal/fast-track/tools/value_proposition/document";
        assertThat(api.post(document, grace.session(), null).status()).isEqualTo(201);
        assertThat(api.post(document, alan.session(), null).status()).isEqualTo(201);

        Response added = api.post(document + "/hypotheses", grace.session(),
                "{\"text\": \"Buyers hate setup\", \"category\": \"pain\", \"priority\": 1}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(document + "/hypotheses/" + added.text("id"));
        assertThat(api.get(added.header("Location"), grace.session()).body()).isEqualTo(added.body());
        Response alans = api.get(added.header("Location"), alan.session());
        assertThat(alans.status()).isEqualTo(404);
        assertThat(alans.text("detail")).as("his own document has no such hypothesis").contains("hypothesis");
        assertThat(api.get("/api/v1/fast-track/tools/value_proposition/document/hypotheses/" + added.text("id"),
                admin()).status()).as("staff read their own document").isEqualTo(404);
    }

    @Test
    void aContactsTeamAssessmentIsReadWhereItsLocationSays() {
        Grant grace = grant("Grace");
        assertThat(api.put("/api/v1/fast-track/access/" + grace.userId() + "/fit_abc_analysis", admin(),
                "{\"level\": \"edit\"}").status()).isEqualTo(200);
        String document = "/api/v1/portal/fast-track/tools/fit_abc_analysis/document";
        assertThat(api.post(document, grace.session(), null).header("Location")).isEqualTo(document);

        Response assessed = api.post(document + "/team-assessments", grace.session(), """
                {"memberName": "Bo", "role": "Sales", "energy": 8, "skill": 7, "values": 9, "impact": 6,
                 "rating": "a"}""");

        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        assertThat(assessed.header("Location")).isEqualTo(document + "/team-assessments/" + assessed.text("id"));
        assertThat(api.get(assessed.header("Location"), grace.session()).body()).isEqualTo(assessed.body());
        assertThat(api.get("/api/v1/fast-track/tools/fit_abc_analysis/document/team-assessments/"
                + assessed.text("id"), grace.session()).status()).as("a contact reads under the portal")
                .isEqualTo(403);
    }

    /** An identity provider may sign a client-role token for the same subject: it names no portal access. */
    @Test
    void aWorkbenchTokenWithTheClientRoleIsNoPortalSession() {
        Grant grace = grant("Grace");
        allowWoop(grace);
        assertThat(api.post(WOOP, grace.session(), null).status()).isEqualTo(201);
        String signedElsewhere = token(tenant, "client", grace.userId());

        assertThat(api.get(WOOP, signedElsewhere).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/portal/fast-track/tools", signedElsewhere).status()).isEqualTo(403);
        assertThat(api.post(WOOP + "/status", signedElsewhere, "{\"status\": \"in_progress\"}").status())
                .isEqualTo(403);
        assertThat(api.get(WOOP, grace.session()).number("version")).as("nothing changed").isZero();
    }

    @Test
    void aRevokedAccessEndsItsSessionsAtOnce() {
        Grant grace = grant("Grace");
        assertThat(api.get("/api/v1/portal/planning-view", grace.session()).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/portal-access/" + grace.accessId(), admin()).status()).isEqualTo(204);

        Response after = api.get("/api/v1/portal/fast-track/tools", grace.session());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/portal/planning-view", grace.session()).status()).isEqualTo(401);
    }

    private record Grant(String accessId, String session) {

        String userId() {
            return "portal:" + accessId;
        }
    }

    private Grant grant(String contact) {
        JsonNode granted = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(),
                "{\"contactName\": \"" + contact + "\", \"sections\": [\"playbook\"]}").json();
        Response exchanged = api.post("/api/v1/portal/sessions", null,
                "{\"token\": \"" + text(granted, "token") + "\"}");
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(201);
        return new Grant(text(granted, "access/id"),
                exchanged.text("sessionToken"));
    }

    private void allowWoop(Grant contact) {
        Response granted = api.put("/api/v1/fast-track/access/" + contact.userId() + "/woop", admin(),
                "{\"level\": \"edit\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    }
}
