package com.firmos.rest.conversation;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class ConversationApiTest extends IntegrationTest {

    private String engagement;
    private String conversation;

    @BeforeEach
    void conversation() {
        engagement = engagementAssignedTo("user_ada", "user_bob").toString();
        conversation = start("Kick-off logistics");
    }

    @Test
    void startingAConversationAnswersTheNewConversationWhereItCanBeReadAgain() {
        Response started = api.post("/api/v1/engagements/" + engagement + "/conversations", admin(),
                "{\"subject\": \"Steering committee\"}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.text("subject")).isEqualTo("Steering committee");
        assertThat(started.header("Location")).isEqualTo("/api/v1/conversations/" + started.text("id"));
        assertThat(started.json().has("conversations")).as("the engagement's whole list").isFalse();
        assertThat(api.get(started.header("Location"), admin()).body()).isEqualTo(started.body());
        assertThat(api.get(started.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
        assertThat(api.get(started.header("Location") + "/messages", admin()).status()).isEqualTo(200);
    }

    @Test
    void postingAMessageAnswersTheMessageWhereItCanBeReadAgain() {
        Response posted = post(admin(), "{\"content\": \"Minutes attached\", \"internal\": true}");

        assertThat(posted.text("content")).isEqualTo("Minutes attached");
        assertThat(posted.text("conversationId")).isEqualTo(conversation);
        assertThat(posted.header("Location")).isEqualTo("/api/v1/messages/" + posted.text("id"));
        assertThat(api.get(posted.header("Location"), admin()).body()).isEqualTo(posted.body());
        assertThat(api.get(posted.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
        assertThat(api.delete(posted.header("Location"), admin()).status()).isEqualTo(204);
        assertThat(api.get(posted.header("Location"), admin()).status()).as("deleted").isEqualTo(404);
    }

    @Test
    void messagesCarrySenderAttachmentsAndTheInternalFlag() {
        post(admin(), """
                {"content": "Agenda attached", "attachments": [
                  {"name": "agenda.pdf", "url": "https://files.io/agenda.pdf", "size": 2048}]}""");
        post(admin(), "{\"content\": \"Budget is tight\", \"internal\": true}");

        JsonNode messages = api.get("/api/v1/conversations/" + conversation + "/messages", admin()).json()
                .get("messages");

        assertThat(messages.size()).isEqualTo(2);
        assertThat(flag(messages, "0/internal")).isTrue();
        assertThat(number(messages, "1/attachments/0/size")).isEqualTo(2048);
        assertThat(text(messages, "1/senderId")).isEqualTo("user_admin");
    }

    @Test
    void conversationsAreOrderedByTheirLastMessage() {
        String older = conversation;
        String newer = start("Budget");
        post(admin(), "{\"content\": \"first\"}");
        postTo(newer, "{\"content\": \"second\"}");

        List<String> order = api.get("/api/v1/engagements/" + engagement + "/conversations", admin())
                .texts("conversations", "id");

        assertThat(order).containsExactly(newer, older);
    }

    @Test
    void messagesPageByCursorNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            post(admin(), "{\"content\": \"message " + i + "\"}");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/conversations/" + conversation + "/messages?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), admin()).json();
            page.get("messages").valueStream().forEach(message -> seen.add(text(message, "content")));
            cursor = page.get("nextCursor").isNull() ? null : text(page, "nextCursor");
        } while (cursor != null);

        assertThat(seen).containsExactly("message 5", "message 4", "message 3", "message 2", "message 1");
    }

    @Test
    void onlyTheSenderEditsOrDeletesAMessage() {
        String ada = token(tenant, "consultant", "user_ada");
        String bob = token(tenant, "consultant", "user_bob");
        String message = post(ada, "{\"content\": \"Draft agenda\"}").text("id");

        assertThat(api.put("/api/v1/messages/" + message, bob, "{\"content\": \"x\"}", Map.of()).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/messages/" + message, ada, "{\"content\": \"Final agenda\"}", Map.of()).status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/messages/" + message, bob, null, Map.of()).status()).isEqualTo(403);
        JsonNode edited = api.get("/api/v1/conversations/" + conversation + "/messages", admin()).at("messages/0");
        assertThat(text(edited, "content")).isEqualTo("Final agenda");
        assertThat(edited.get("editedAt").isNull()).isFalse();

        assertThat(api.send("DELETE", "/api/v1/messages/" + message, ada, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", admin()).json().get("messages")
                .size()).isZero();
        assertThat(timelineTypes(admin(), message)).contains("message_deleted", "message_edited", "message_posted");
    }

    @Test
    void closedConversationTakesNoMessagesUntilReopened() {
        api.post("/api/v1/conversations/" + conversation + "/close", admin(), null);

        Response refused = post(admin(), "{\"content\": \"hello?\"}");
        api.post("/api/v1/conversations/" + conversation + "/reopen", admin(), null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(post(admin(), "{\"content\": \"hello again\"}").status()).isEqualTo(201);
    }

    @Test
    void internalMessagesAreFlaggedInTheTimeline() {
        String message = post(admin(), "{\"content\": \"Budget is tight\", \"internal\": true}").text("id");

        JsonNode entry = api.get("/api/v1/timeline?entityId=" + message, admin()).at("entries/0");

        assertThat(flag(entry, "internal")).isTrue();
        assertThat(text(entry, "engagementId")).isEqualTo(engagement);
    }

    @Test
    void attachmentWithoutWebUrlIsRefused() {
        Response refused = post(admin(), """
                {"content": "see file", "attachments": [{"name": "x", "url": "ftp://x/y", "size": 1}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("attachments[0].url");
    }

    @Test
    void anotherTenantCannotReadOrPost() {
        String intruder = token(otherTenant, "admin");
        post(admin(), "{\"content\": \"secret plan\"}");

        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", intruder).status())
                .as("another tenant's conversation is not found").isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + engagement + "/conversations", intruder).status())
                .as("another tenant's engagement is not found").isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + conversation + "/messages", intruder,
                "{\"content\": \"hi\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + conversation + "/close", intruder, null).status())
                .isEqualTo(404);
    }

    private String start(String subject) {
        Response started = api.post("/api/v1/engagements/" + engagement + "/conversations", admin(),
                "{\"subject\": \"" + subject + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.text("id");
    }

    private Response post(String token, String body) {
        return api.post("/api/v1/conversations/" + conversation + "/messages", token, body);
    }

    private Response postTo(String target, String body) {
        return api.post("/api/v1/conversations/" + target + "/messages", admin(), body);
    }
}
