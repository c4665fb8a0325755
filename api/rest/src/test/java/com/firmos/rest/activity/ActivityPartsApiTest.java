package com.firmos.rest.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.activity.EraseTeamMemberCommand;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.Eventually;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

/** Resources, team, members, comments and score data of a card, through HTTP. */
class ActivityPartsApiTest extends IntegrationTest {

    private Playbook playbook;
    private String id;

    @BeforeEach
    void card() {
        playbook = new Playbook(api, admin());
        id = playbook.activity("Workshop");
    }

    @Test
    void resourcesAppearOnTheCardInTheirOrder() {
        String deck = addResource("{\"type\": \"url\", \"title\": \"Deck\", \"url\": \"https://x.io/deck\"}");
        String notes = addResource("{\"type\": \"notion\", \"title\": \"Notes\", \"notionPageId\": \"abc123\"}");
        String page = addResource("{\"type\": \"tenant_page\", \"title\": \"Page\", \"tenantPageId\": \""
                + UUID.randomUUID() + "\"}");

        Response reordered = api.put("/api/v1/activities/" + id + "/resources/order", admin(),
                "{\"resourceIds\": [\"" + page + "\", \"" + deck + "\", \"" + notes + "\"]}", Map.of());

        assertThat(reordered.status()).isEqualTo(200);
        assertThat(titles(playbook.card(id).get("resources"))).containsExactly("Page", "Deck", "Notes");
        assertThat(titles(playbook.board("").findValue("resources"))).containsExactly("Page", "Deck", "Notes");
    }

    @Test
    void removingAResourceKeepsTheOthersInOrder() {
        addResource("{\"type\": \"url\", \"title\": \"One\", \"url\": \"https://x.io/1\"}");
        String two = addResource("{\"type\": \"url\", \"title\": \"Two\", \"url\": \"https://x.io/2\"}");
        addResource("{\"type\": \"file\", \"title\": \"three.pdf\", \"url\": \"https://x.io/3.pdf\"}");

        Response removed = api.send("DELETE", "/api/v1/activities/" + id + "/resources/" + two, admin(), null,
                Map.of());

        assertThat(removed.status()).isEqualTo(200);
        assertThat(titles(removed.json().get("resources"))).containsExactly("One", "three.pdf");
    }

    @Test
    void resourceWithoutWebUrlIsRefusedNamingTheField() {
        Response refused = api.post("/api/v1/activities/" + id + "/resources", admin(),
                "{\"type\": \"url\", \"title\": \"Deck\", \"url\": \"javascript:alert(1)\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("url");
        assertThat(playbook.card(id).get("resources").size()).isZero();
    }

    @Test
    void unknownResourceTypeIsRefused() {
        Response refused = api.post("/api/v1/activities/" + id + "/resources", admin(),
                "{\"type\": \"video\", \"title\": \"Clip\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("type");
    }

    @Test
    void teamAssignmentShowsOnTheCardAndInTheTimelineWithOldAndNew() {
        api.put("/api/v1/activities/" + id + "/team", admin(), "{\"team\": \"Coreteam\"}", Map.of());
        Response changed = api.put("/api/v1/activities/" + id + "/team", admin(), "{\"team\": \"IT\"}", Map.of());

        assertThat(changed.json().get("assignedTeam").asString()).isEqualTo("IT");
        JsonNode entry = api.get("/api/v1/timeline?entityId=" + id + "&eventType=assignment_changed", admin())
                .json().get("entries").get(0);
        assertThat(entry.get("oldValue").get("team").asString()).isEqualTo("Coreteam");
        assertThat(entry.get("newValue").get("team").asString()).isEqualTo("IT");
    }

    @Test
    void boardFiltersByTeam() {
        String other = playbook.activity("Other");
        api.put("/api/v1/activities/" + id + "/team", admin(), "{\"team\": \"IT\"}", Map.of());
        api.put("/api/v1/activities/" + other + "/team", admin(), "{\"team\": \"Leadership\"}", Map.of());

        assertThat(Playbook.cardTitles(playbook.board("?team=IT"))).containsExactly("Workshop");
    }

    @Test
    void membersAreUsersOrPeopleWithoutAccountsAndNeverTwice() {
        api.post("/api/v1/activities/" + id + "/members", admin(), "{\"userId\": \"user_bob\", \"role\": \"lead\"}");
        Response guest = api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace@client.com\", \"role\": \"sponsor\"}");
        Response again = api.post("/api/v1/activities/" + id + "/members", admin(), "{\"userId\": \"user_bob\"}");

        Response sameEmail = api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"name\": \"Grace H.\", \"email\": \"GRACE@client.com\"}");

        assertThat(guest.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(sameEmail.status()).isEqualTo(409);
        JsonNode members = playbook.card(id).get("members");
        assertThat(members.size()).isEqualTo(2);
        assertThat(members.get(0).get("userId").asString()).isEqualTo("user_bob");
        assertThat(members.get(1).get("name").asString()).isEqualTo("Grace");
        String guestId = members.get(1).get("nonUserMemberId").asString();

        api.send("DELETE", "/api/v1/activities/" + id + "/members/guests/" + guestId, admin(), null, Map.of());
        api.send("DELETE", "/api/v1/activities/" + id + "/members/users/user_bob", admin(), null, Map.of());
        assertThat(playbook.card(id).get("members").size()).isZero();
    }

    @Test
    void aGuestWithoutANameOrWithAMalformedEmailIsRefusedAndNothingIsStored() {
        Response nameless = api.post("/api/v1/activities/" + id + "/members", admin(), "{\"email\": \"g@x.io\"}");
        Response malformed = api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace-at-x\"}");
        Response userWithName = api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"userId\": \"user_bob\", \"name\": \"Bob\"}");

        assertThat(List.of(nameless, malformed, userWithName)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        });
        assertThat(nameless.json().get("field").asString()).isEqualTo("name");
        assertThat(malformed.json().get("field").asString()).isEqualTo("email");
        assertThat(userWithName.json().get("field").asString()).isEqualTo("name");
        assertThat(playbook.card(id).get("members").size()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_key WHERE organization_id = :org")
                .param("org", tenant).query(Long.class).single()).isZero();
    }

    @Test
    void timelineNamesAMemberWithoutAnAccountOnlyByTheirId() {
        api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace@client.com\", \"role\": \"sponsor\"}");
        String guestId = playbook.card(id).get("members").get(0).get("nonUserMemberId").asString();

        String timeline = api.get("/api/v1/timeline?entityId=" + id + "&eventType=team_member_added", admin()).body();

        assertThat(timeline).contains(guestId, "sponsor").doesNotContain("Grace", "client.com");
    }

    @Test
    void erasedPersonWithoutAnAccountIsUnreadableOnEveryTeamEvenAfterARebuild() {
        String name = "Grace " + UUID.randomUUID();
        String other = playbook.activity("Kick-off");
        for (String activity : List.of(id, other)) {
            api.post("/api/v1/activities/" + activity + "/members", admin(),
                    "{\"name\": \"" + name + "\", \"email\": \"grace@erasable.example\"}");
        }
        String guestId = playbook.card(id).get("members").get(0).get("nonUserMemberId").asString();
        assertThat(playbook.card(other).get("members").get(0).get("name").asString()).isEqualTo(name);
        String erasure = "/api/v1/team-members/" + guestId + "/erasure";

        assertThat(api.post(erasure, token(tenant, "consultant"), null).status()).isEqualTo(403);
        assertThat(api.post(erasure, token(otherTenant, "admin"), null).status()).isEqualTo(404);
        assertThat(api.post(erasure, admin(), null).status()).isEqualTo(204);
        assertThat(api.post(erasure, admin(), null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/admin/projections/planning-view/rebuild", operator(), null).status())
                .isEqualTo(202);
        assertThat(Eventually.within(Duration.ofSeconds(30), () -> api.get(
                "/api/v1/admin/projections/planning-view", admin()).json().get("lag").asLong() == 0)).isTrue();

        for (String activity : List.of(id, other)) {
            JsonNode member = playbook.card(activity).get("members").get(0);
            assertThat(member.get("nonUserMemberId").asString()).isEqualTo(guestId);
            assertThat(member.get("name").isNull()).isTrue();
            assertThat(member.get("email").isNull()).isTrue();
        }
        // The erasure is its own aggregate, keyed by tenant and person.
        UUID erasureId = EraseTeamMemberCommand.erasureIdOf(tenant, UUID.fromString(guestId));
        assertThat(api.get("/api/v1/admin/audit/events?entityId=" + erasureId, admin()).body())
                .contains("TeamMemberErasedEvent").doesNotContain(name);
        assertThat(jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8'), '')"
                + " FROM domain_event_entry").query(String.class).single()).doesNotContain(name, "erasable.example");
        Response again = api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace@erasable.example\"}");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anotherTenantCannotTakeAnErasuresIdFirst() {
        api.post("/api/v1/activities/" + id + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace@squatted.example\"}");
        UUID guest = UUID.fromString(playbook.card(id).get("members").get(0).get("nonUserMemberId").asString());
        String intruder = token(otherTenant, "admin");
        // Anyone who knows the tenant and the person can compute the erasure's id, and aggregate ids are global.
        UUID erasure = EraseTeamMemberCommand.erasureIdOf(tenant, guest);

        Response squatted = api.post("/api/v1/clients", intruder, "{\"id\": \"%s\", \"name\": \"Squatter\"}"
                .formatted(erasure));
        Response comment = api.post("/api/v1/activities/" + id + "/comments", admin(),
                "{\"commentId\": \"%s\", \"text\": \"hi\"}".formatted(UUID.nameUUIDFromBytes(new byte[] {1})));

        assertThat(squatted.status()).as(squatted.body()).isEqualTo(400);
        assertThat(squatted.json().get("field").asString()).isEqualTo("id");
        assertThat(squatted.json().get("rule").asString()).contains("not a name-based one");
        assertThat(comment.status()).isEqualTo(400);
        assertThat(comment.json().get("field").asString()).isEqualTo("commentId");
        assertThat(eventCount(erasure.toString())).isZero();
        assertThat(api.post("/api/v1/team-members/" + guest + "/erasure", admin(), null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/clients", intruder, "{\"id\": \"01890a5d-ac96-774b-bcce-b302099a8057\","
                + " \"name\": \"Time-ordered id\"}").status()).as("a version 7 id").isEqualTo(201);
    }

    @Test
    void commentsCanBeEditedAndDeletedOnlyByTheirAuthor() {
        String ada = token(tenant, "consultant", "user_ada");
        String bob = token(tenant, "consultant", "user_bob");
        // Both may write on the engagement's client, so only the authorship rule tells them apart.
        String id = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"%s\", \"title\": \"Workshop\"}"
                .formatted(engagementAssignedTo("user_ada", "user_bob"))).json().get("id").asString();
        Response posted = api.post("/api/v1/activities/" + id + "/comments", ada, "{\"text\": \"Great start\"}");
        assertThat(posted.status()).isEqualTo(201);
        String commentId = posted.text("commentId");
        String path = "/api/v1/activities/" + id + "/comments/" + commentId;
        assertThat(posted.header("Location")).isEqualTo(path);
        assertThat(api.get(path, bob).body()).as("the comment, read by anyone of the tenant").isEqualTo(posted.body());

        assertThat(api.put(path, bob, "{\"text\": \"Bad start\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api.send("DELETE", path, bob, null, Map.of()).status()).isEqualTo(403);
        Response edited = api.put(path, ada, "{\"text\": \"Great start!\"}", Map.of());

        JsonNode comment = edited.json().get("comments").get(0);
        assertThat(comment.get("text").asString()).isEqualTo("Great start!");
        assertThat(comment.get("authorId").asString()).isEqualTo("user_ada");
        assertThat(comment.get("editedAt").isNull()).isFalse();
        assertThat(api.send("DELETE", path, ada, null, Map.of()).json().get("comments").size()).isZero();
        assertThat(timelineTypes(admin(), id)).contains("comment", "comment_edited", "comment_deleted");
    }

    @Test
    void completionRecordsScoreDataOnTheCardAndReopeningKeepsItInTheTimeline() {
        Response done = api.post("/api/v1/activities/" + id + "/status", admin(), """
                {"status": "done", "scoreData": {"level": "Solid working ground", "metrics": [
                  {"label": "low hanging fruits", "value": 9}, {"label": "strong recommendations", "value": 3}]}}""");

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("scoreData").get("level").asString()).isEqualTo("Solid working ground");
        assertThat(done.json().get("scoreData").get("metrics").get(0).get("value").asInt()).isEqualTo(9);
        Response reopened = api.post("/api/v1/activities/" + id + "/status", admin(), "{\"status\": \"planned\"}");
        assertThat(reopened.json().get("scoreData").isNull()).isTrue();
        JsonNode completion = api.get("/api/v1/timeline?entityId=" + id + "&eventType=status_change", admin())
                .json().get("entries").get(1);
        assertThat(completion.get("newValue").get("scoreData").get("level").asString())
                .isEqualTo("Solid working ground");
    }

    @Test
    void invalidScoreDataIsRefusedNamingTheMetric() {
        Response refused = api.post("/api/v1/activities/" + id + "/status", admin(), """
                {"status": "done", "scoreData": {"level": "L", "metrics": [{"label": "a", "value": 1},
                  {"label": "A", "value": 2}]}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("scoreData.metrics[1].label");
        assertThat(playbook.card(id).get("status").asString()).isEqualTo("planned");
    }

    @Test
    void aMetricWithMoreThanFourDecimalPlacesIsRefusedAndTheCardStaysReadable() {
        // 0E-5000 is zero, but its plain form has 5,000 digits: stored, it broke every read. Judged as written.
        String rule = "scoreData.metrics[0].value must have at most 12 digits before the decimal point and 4 after it";
        for (String value : List.of("0E-5000", "0E+5000", "1.00001")) {
            Response refused = api.post("/api/v1/activities/" + id + "/status", admin(), """
                    {"status": "done", "scoreData": {"level": "L", "metrics": [{"label": "a", "value": %s}]}}"""
                    .formatted(value));

            assertThat(refused.status()).as(value).isEqualTo(400);
            assertThat(refused.json().get("field").asString()).isEqualTo("scoreData.metrics[0].value");
            assertThat(refused.json().get("rule").asString()).isEqualTo(rule);
        }
        assertThat(playbook.card(id).get("status").asString()).isEqualTo("planned");
        Response done = api.post("/api/v1/activities/" + id + "/status", admin(), """
                {"status": "done", "scoreData": {"level": "L", "metrics": [{"label": "a", "value": 2.5E-3}]}}""");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("scoreData").get("metrics").get(0).get("value").decimalValue())
                .isEqualByComparingTo("0.0025");
        assertThat(api.get("/api/v1/timeline?entityId=" + id, admin()).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantCannotTouchTheCardsParts() {
        String intruder = token(otherTenant, "admin");

        assertThat(api.post("/api/v1/activities/" + id + "/comments", intruder, "{\"text\": \"hi\"}").status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/activities/" + id + "/team", intruder, "{\"team\": \"X\"}", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/activities/" + id + "/comments", intruder).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/activities/" + id + "/resources", intruder,
                "{\"type\": \"url\", \"title\": \"x\", \"url\": \"https://x.io\"}").status()).isEqualTo(404);
        assertThat(eventCount(id)).isEqualTo(1);
    }

    private String addResource(String body) {
        Response added = api.post("/api/v1/activities/" + id + "/resources", admin(), body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String resourceId = added.text("resourceId");
        assertThat(added.header("Location")).isEqualTo("/api/v1/activities/" + id + "/resources/" + resourceId);
        assertThat(api.get(added.header("Location"), admin()).body()).isEqualTo(added.body());
        assertThat(api.get(added.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
        return resourceId;
    }

    private static List<String> titles(JsonNode resources) {
        return resources.valueStream().map(resource -> resource.get("title").asString()).toList();
    }
}
