package com.firmos.rest.portal;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * An engagement with an internal message and a draft invoice, each carrying a marker: whatever the portal answers,
 * the markers never appear, while what the client may see does.
 */
class PortalSectionsApiTest extends IntegrationTest {

    private final String internalMarker = "INTERNAL-" + UUID.randomUUID();
    private final String draftMarker = "DRAFT-" + UUID.randomUUID();
    private final String suggestionMarker = "SUGGESTED-" + UUID.randomUUID();
    private String suggestion;
    private String engagement;
    private String conversation;
    private String publicMessage;
    private String internalMessage;
    private String sentInvoice;
    private String draftInvoice;

    @BeforeEach
    void engagementWithStaffOnlyData() {
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        engagement = api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + client + "\"}").text("id");
        Response started = api.post("/api/v1/engagements/" + engagement + "/conversations", admin(),
                "{\"subject\": \"Kick-off logistics\"}");
        conversation = started.header("Location").replace("/api/v1/conversations/", "");
        publicMessage = message(conversation, "{\"content\": \"Agenda for Monday\"}");
        internalMessage = message(conversation, "{\"content\": \"" + internalMarker
                + " they are over budget\", \"internal\": true}");
        sentInvoice = invoice(client, "Consulting");
        assertThat(api.post("/api/v1/invoices/" + sentInvoice + "/issue", admin(), null).status()).isEqualTo(200);
        draftInvoice = invoice(client, draftMarker);
        suggestion = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "%s", "status": "suggestion"}""".formatted(engagement,
                suggestionMarker)).text("id");
        assertThat(api.put("/api/v1/activities/" + suggestion, admin(), """
                {"title": "%s again", "phase": "align", "timeBucket": "this_quarter"}""".formatted(suggestionMarker))
                .status()).isEqualTo(200);
    }

    @Test
    void thePortalShowsWhatTheClientMaySeeAndNothingForStaff() {
        String session = session("[\"playbook\", \"conversations\", \"invoices\", \"timeline\", \"status\"]");

        List<Response> answers = List.of(api.get("/api/v1/portal/conversations", session),
                api.get("/api/v1/portal/conversations/" + conversation + "/messages", session),
                api.get("/api/v1/portal/invoices", session), api.get("/api/v1/portal/planning-view", session),
                api.get("/api/v1/portal/invoices/" + draftInvoice, session),
                api.get("/api/v1/portal/timeline", session), api.get("/api/v1/portal/status", session));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(internalMarker,
                draftMarker, suggestionMarker));
        assertThat(api.post("/api/v1/portal/activities/" + suggestion + "/comments", session,
                "{\"text\": \"Yes please\"}").status()).isEqualTo(404);
        assertThat(answers.get(0).number("conversations/0/messageCount")).isEqualTo(1);
        assertThat(answers.get(1).json().get("messages").findValues("content").stream().map(JsonNode::asString))
                .containsExactly("Agenda for Monday");
        assertThat(answers.get(2).json().get("invoices").findValues("id").stream().map(JsonNode::asString))
                .containsExactly(sentInvoice);
        assertThat(answers.get(4).status()).isEqualTo(404);
        JsonNode timeline = answers.get(5).json().get("entries");
        assertThat(timeline.findValues("entityType").stream().map(JsonNode::asString).distinct())
                .contains("conversation", "message", "engagement").doesNotContain("portal_access");
        JsonNode staffTimeline = api.get("/api/v1/timeline?engagementId=" + engagement + "&limit=100", admin())
                .json().get("entries");
        assertThat(staffTimeline.findValues("eventType").stream().map(JsonNode::asString))
                .as("staff see who was given access").contains("portal_access_granted");
        assertThat(timeline.findValues("eventType").stream().map(JsonNode::asString))
                .doesNotContain("portal_access_granted");
        assertThat(timeline.findValues("requestContext")).allMatch(JsonNode::isNull);
        assertThat(answers.get(6).json().has("budget")).isFalse();
        assertThat(answers.get(6).text("status")).isEqualTo("active");
    }

    @Test
    void aClientMovesAndCommentsOnTheirEngagementsActivitiesOnly() {
        String activity = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + engagement
                + "\", \"title\": \"Pilot team\"}").text("id");
        String elsewhere = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + engagement()
                + "\", \"title\": \"Not theirs\"}").text("id");
        String session = session("[\"playbook\"]");

        Response moved = api.post("/api/v1/portal/activities/" + activity + "/status", session,
                "{\"status\": \"in_progress\"}");
        Response commented = api.post("/api/v1/portal/activities/" + activity + "/comments", session,
                "{\"text\": \"We picked the team\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.text("status")).isEqualTo("in_progress");
        assertThat(commented.status()).as(commented.body()).isEqualTo(201);
        assertThat(commented.text("text")).isEqualTo("We picked the team");
        assertThat(commented.header("Location"))
                .isEqualTo("/api/v1/portal/activities/" + activity + "/comments/" + commented.text("commentId"));
        assertThat(api.get(commented.header("Location"), session).body()).isEqualTo(commented.body());
        assertThat(api.get("/api/v1/portal/activities/" + elsewhere + "/comments/" + commented.text("commentId"),
                session).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/activities/" + activity + "/comments", admin()).body())
                .contains("We picked the team", "portal:");
        assertThat(api.post("/api/v1/portal/activities/" + activity + "/status", session,
                "{\"status\": \"suggestion\"}").status()).as("the activity's own rules").isEqualTo(409);
        assertThat(api.post("/api/v1/portal/activities/" + elsewhere + "/status", session,
                "{\"status\": \"in_progress\"}").status()).isEqualTo(404);
    }

    @Test
    void aProjectBoardIsSharedOnlyForTheSessionsEngagement() {
        String project = api.post("/api/v1/engagements/" + engagement + "/projects", admin(),
                "{\"name\": \"CRM rollout\"}").text("id");
        String elsewhere = api.post("/api/v1/engagements/" + engagement() + "/projects", admin(),
                "{\"name\": \"Other\"}").text("id");
        String session = session("[\"tasks\", \"status\"]");

        assertThat(api.get("/api/v1/portal/projects/" + project + "/board", session).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/portal/projects/" + elsewhere + "/board", session).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/portal/status", session).json().get("projects").findValues("name").stream()
                .map(JsonNode::asString)).containsExactly("CRM rollout");
    }

    @Test
    void openingASentInvoiceRecordsItAsViewed() {
        String session = session("[\"invoices\"]");

        Response opened = api.get("/api/v1/portal/invoices/" + sentInvoice, session);

        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.text("status")).isEqualTo("viewed");
        assertThat(api.get("/api/v1/invoices/" + sentInvoice, admin()).text("status")).isEqualTo("viewed");
    }

    @Test
    void aClientPostsMessagesThatStaffSeeAsTheirs() {
        String session = session("[\"conversations\"]");

        Response posted = api.post("/api/v1/portal/conversations/" + conversation + "/messages", session,
                "{\"content\": \"See you Monday\", \"internal\": true}");

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.text("content")).isEqualTo("See you Monday");
        assertThat(posted.header("Location")).isEqualTo("/api/v1/portal/messages/" + posted.text("id"));
        assertThat(api.get(posted.header("Location"), session).body()).isEqualTo(posted.body());
        assertThat(api.get("/api/v1/messages/" + posted.text("id"), admin()).text("content"))
                .isEqualTo("See you Monday");
        JsonNode latest = api.get("/api/v1/conversations/" + conversation + "/messages", admin()).at("messages/0");
        assertThat(text(latest, "content")).isEqualTo("See you Monday");
        assertThat(flag(latest, "internal")).as("a client cannot post internally").isFalse();
        assertThat(text(latest, "senderId")).startsWith("portal:");
    }

    @Test
    void sectionsNotSharedAndOtherEngagementsStayClosed() {
        String session = session("[\"playbook\"]");
        String otherConversation = conversationElsewhere();
        String everything = session("[\"conversations\", \"invoices\"]");

        assertThat(api.get("/api/v1/portal/invoices", session).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/portal/conversations", session).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/portal/conversations/" + otherConversation + "/messages", everything)
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/portal/conversations/" + otherConversation + "/messages", everything,
                "{\"content\": \"hello\"}").status()).isEqualTo(404);
    }

    @Test
    void aClientOpensOnlyThePublicMessagesOfTheirOwnEngagement() {
        String session = session("[\"conversations\"]");
        String elsewhere = conversationElsewhere();
        String otherMessage = message(elsewhere, "{\"content\": \"Not for Grace\"}");

        assertThat(api.get("/api/v1/portal/messages/" + publicMessage, session).text("content"))
                .isEqualTo("Agenda for Monday");
        Response internal = api.get("/api/v1/portal/messages/" + internalMessage, session);
        assertThat(internal.status()).isEqualTo(404);
        assertThat(internal.body()).doesNotContain(internalMarker);
        assertThat(api.get("/api/v1/messages/" + internalMessage, admin()).text("content")).startsWith(internalMarker);
        String unknown = UUID.randomUUID().toString();
        Response foreign = api.get("/api/v1/portal/messages/" + otherMessage, session);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(elsewhere).doesNotContain("Not for Grace");
        assertThat(foreign.body().replace(otherMessage, "?")).as("the same as a message that does not exist")
                .isEqualTo(api.get("/api/v1/portal/messages/" + unknown, session).body().replace(unknown, "?"));
        assertThat(api.get("/api/v1/portal/messages/" + publicMessage, session("[\"playbook\"]")).status())
                .isEqualTo(403);
    }

    /** A conversation of another engagement of the tenant. */
    private String conversationElsewhere() {
        return api.post("/api/v1/engagements/" + engagement() + "/conversations", admin(),
                "{\"subject\": \"Elsewhere\"}").header("Location").replace("/api/v1/conversations/", "");
    }

    private String session(String sections) {
        String token = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(),
                "{\"contactName\": \"Grace\", \"sections\": " + sections + "}").text("token");
        Response exchanged = api.post("/api/v1/portal/sessions", null, "{\"token\": \"" + token + "\"}");
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(201);
        return exchanged.text("sessionToken");
    }

    private String message(String conversation, String body) {
        Response posted = api.post("/api/v1/conversations/" + conversation + "/messages", admin(), body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.text("id");
    }

    private String invoice(String client, String description) {
        Response created = api.post("/api/v1/invoices", admin(), """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "%s", "quantity": 1, "unitPrice": 100}]}"""
                .formatted(client, engagement, LocalDate.now().plusDays(30), description));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }
}
