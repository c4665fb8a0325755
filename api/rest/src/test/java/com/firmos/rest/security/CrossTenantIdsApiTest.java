package com.firmos.rest.security;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

/**
 * Ids a client chooses for the parts of an aggregate (comments, resources, relations, stakeholders) are unique
 * only inside it. Another tenant reusing them for its own parts changes its own rows only: this tenant's views
 * stay byte for byte what they were, before and after every projection is rebuilt from the events.
 */
class CrossTenantIdsApiTest extends IntegrationTest {

    @Test
    void anotherTenantReusingOurPartIdsLeavesOurViewsAsTheyWere() {
        String ours = admin();
        Playbook playbook = new Playbook(api, ours);
        String card = playbook.activity("Workshop");
        String next = playbook.activity("Roll-out");
        String comment = UUID.randomUUID().toString();
        ok(api.post("/api/v1/activities/" + card + "/comments", ours,
                "{\"commentId\": \"" + comment + "\", \"text\": \"Ours\"}"));
        String resource = UUID.randomUUID().toString();
        ok(api.post("/api/v1/activities/" + card + "/resources", ours, resourceBody(resource, "Our deck")));
        String relation = UUID.randomUUID().toString();
        ok(api.post("/api/v1/relations", ours, relationBody(relation, card, next)));
        String client = ok(api.post("/api/v1/clients", ours, "{\"name\": \"Northwind\"}")).text("profile/id");
        String stakeholder = UUID.randomUUID().toString();
        ok(api.post("/api/v1/clients/" + client + "/stakeholders", ours, stakeholderBody(stakeholder, "Ada")));
        Map<String, String> before = views(ours, playbook, card, client);

        String theirs = token(otherTenant, "admin");
        Playbook theirPlaybook = new Playbook(api, theirs);
        String theirCard = theirPlaybook.activity("Their workshop");
        String theirNext = theirPlaybook.activity("Their roll-out");
        String theirComments = "/api/v1/activities/" + theirCard + "/comments";
        ok(api.post(theirComments, theirs, "{\"commentId\": \"" + comment + "\", \"text\": \"Theirs\"}"));
        Response edited = ok(api.put(theirComments + "/" + comment, theirs, "{\"text\": \"Edited\"}", Map.of()));
        ok(api.delete(theirComments + "/" + comment, theirs));
        String theirResources = "/api/v1/activities/" + theirCard + "/resources";
        ok(api.post(theirResources, theirs, resourceBody(resource, "Their deck")));
        ok(api.delete(theirResources + "/" + resource, theirs));
        ok(api.post("/api/v1/relations", theirs, relationBody(relation, theirCard, theirNext)));
        ok(api.delete("/api/v1/relations/" + relation, theirs));
        String theirClient = ok(api.post("/api/v1/clients", theirs, "{\"name\": \"Contoso\"}")).text("profile/id");
        String theirStakeholders = "/api/v1/clients/" + theirClient + "/stakeholders";
        ok(api.post(theirStakeholders, theirs, stakeholderBody(stakeholder, "Mallory")));
        Response renamed = ok(api.put(theirStakeholders + "/" + stakeholder, theirs,
                "{\"name\": \"Mallory B.\", \"engagementLevel\": \"low\"}", Map.of()));

        assertThat(views(ours, playbook, card, client)).isEqualTo(before);
        assertThat(edited.texts("comments", "text"))
                .as("their own comment, edited").containsExactly("Edited");
        assertThat(renamed.texts("stakeholders", "name"))
                .as("their own stakeholder, renamed").containsExactly("Mallory B.");
        Response rebuild = api.post("/api/v1/admin/projections/rebuild", operator(), null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await("the rebuild finished").atMost(Duration.ofMinutes(2)).until(() -> api.get("/api/v1/admin/projections",
                operator()).json().valueStream()
                .allMatch(processor -> !flag(processor, "replaying") && number(processor, "lag") == 0));
        assertThat(views(ours, playbook, card, client)).isEqualTo(before);
    }

    @Test
    void theSameCommentIdOnTwoActivitiesOfOneTenantStaysTwoComments() {
        Playbook playbook = new Playbook(api, admin());
        String first = "/api/v1/activities/" + playbook.activity("Workshop") + "/comments";
        String second = "/api/v1/activities/" + playbook.activity("Roll-out") + "/comments";
        String comment = UUID.randomUUID().toString();
        ok(api.post(first, admin(), "{\"commentId\": \"" + comment + "\", \"text\": \"First\"}"));
        ok(api.post(second, admin(), "{\"commentId\": \"" + comment + "\", \"text\": \"Second\"}"));

        ok(api.put(second + "/" + comment, admin(), "{\"text\": \"Second, edited\"}", Map.of()));
        ok(api.delete(second + "/" + comment, admin()));

        assertThat(api.get(first, admin()).texts("comments", "text")).containsExactly("First");
        assertThat(api.get(second, admin()).json().get("comments").size()).isZero();
    }

    /** The bodies of the views that show the parts, as they come over the wire. */
    private Map<String, String> views(String token, Playbook playbook, String card, String client) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : new String[] {"/api/v1/activities/" + card, "/api/v1/activities/" + card + "/comments",
            "/api/v1/engagements/" + playbook.engagement() + "/planning-view",
            "/api/v1/relations?entityType=activity&entityId=" + card,
            "/api/v1/engagements/" + playbook.engagement() + "/dependency-graph", "/api/v1/clients/" + client}) {
            views.put(path, ok(api.get(path, token)).body());
        }
        assertThat(views.get("/api/v1/activities/" + card + "/comments")).contains("Ours");
        assertThat(views.get("/api/v1/activities/" + card)).contains("Our deck");
        assertThat(views.get("/api/v1/relations?entityType=activity&entityId=" + card)).contains("Roll-out");
        assertThat(views.get("/api/v1/clients/" + client)).contains("Ada");
        return views;
    }

    private static String resourceBody(String id, String title) {
        return "{\"resourceId\": \"%s\", \"type\": \"url\", \"title\": \"%s\", \"url\": \"https://x.io/deck\"}"
                .formatted(id, title);
    }

    private static String relationBody(String id, String source, String target) {
        return """
                {"id": "%s", "source": {"type": "activity", "id": "%s"},
                 "target": {"type": "activity", "id": "%s"}, "relationType": "blocks"}""".formatted(id, source, target);
    }

    private static String stakeholderBody(String id, String name) {
        return "{\"id\": \"%s\", \"name\": \"%s\", \"roles\": [\"champion\"], \"engagementLevel\": \"high\"}"
                .formatted(id, name);
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
