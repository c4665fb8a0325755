package com.firmos.rest.relation;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

class RelationApiTest extends IntegrationTest {

    private Playbook playbook;
    private String pilot;
    private String rollout;

    @BeforeEach
    void twoActivities() {
        playbook = new Playbook(api, admin());
        pilot = playbook.activity("Pilot");
        rollout = playbook.activity("Rollout");
    }

    @Test
    void relationsViewShowsBothSidesWithTitles() {
        Response added = playbook.relate("activity", pilot, "activity", rollout, "blocks");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode outgoing = at(relations(pilot), "outgoing/0");
        assertThat(text(outgoing, "relationType")).isEqualTo("blocks");
        assertThat(text(outgoing, "otherTitle")).isEqualTo("Rollout");
        JsonNode incoming = at(relations(rollout), "incoming/0");
        assertThat(text(incoming, "other/id")).isEqualTo(pilot);
        assertThat(text(incoming, "otherTitle")).isEqualTo("Pilot");
    }

    @Test
    void aRelationIsAnsweredWithBothTitlesWhereItCanBeReadAgain() {
        Response added = playbook.relate("activity", pilot, "activity", rollout, "blocks");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/v1/relations/" + added.text("relationId"));
        assertThat(added.text("sourceTitle")).isEqualTo("Pilot");
        assertThat(added.text("targetTitle")).isEqualTo("Rollout");
        assertThat(api.get(added.header("Location"), admin()).body()).isEqualTo(added.body());
        assertThat(api.get(added.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
    }

    @Test
    void cardsCountTheirRelations() {
        playbook.relate("activity", pilot, "activity", rollout, "blocks");
        playbook.relate("activity", pilot, "tenant_page", UUID.randomUUID().toString(), null);

        assertThat(number(playbook.card(pilot), "outgoingRelations")).isEqualTo(2);
        assertThat(number(playbook.card(rollout), "incomingRelations")).isEqualTo(1);
    }

    @Test
    void anEntityIsNeverRelatedToItself() {
        Response refused = playbook.relate("activity", pilot, "activity", pilot, "relates_to");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("target");
    }

    @Test
    void aPairIsRelatedOnce() {
        playbook.relate("activity", pilot, "activity", rollout, "enables");

        Response again = playbook.relate("activity", pilot, "activity", rollout, "informs");

        assertThat(again.status()).isEqualTo(409);
        assertThat(relations(pilot).get("outgoing").size()).isEqualTo(1);
    }

    @Test
    void aDependencyCycleIsRefusedWithTheCycleNamed() {
        String review = playbook.activity("Review");
        playbook.relate("activity", pilot, "activity", rollout, "blocks");
        playbook.relate("activity", review, "activity", rollout, "depends_on");

        Response refused = playbook.relate("activity", pilot, "activity", review, "depends_on");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail"))
                .contains("activity:" + pilot + " → activity:" + rollout + " → activity:" + review);
    }

    @Test
    void anUnknownActivityCannotBeRelated() {
        Response refused = playbook.relate("activity", pilot, "activity", UUID.randomUUID().toString(), "blocks");

        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsActivityCannotBeRelatedNorItsRelationsSeen() {
        playbook.relate("activity", pilot, "activity", rollout, "blocks");
        String intruder = token(otherTenant, "admin");
        String theirs = new Playbook(api, intruder).activity("Theirs");

        Response refused = new Playbook(api, intruder)
                .relate("activity", theirs, "activity", pilot, "blocks");

        assertThat(refused.status()).isEqualTo(404);
        JsonNode seen = api.get("/api/v1/relations?entityType=activity&entityId=" + pilot, intruder).json();
        assertThat(seen.get("outgoing").size()).isZero();
        assertThat(api.get("/api/v1/engagements/" + playbook.engagement() + "/dependency-graph", intruder)
                .status()).as("another tenant's engagement is not found").isEqualTo(404);
    }

    @Test
    void canRemoveARelation() {
        String relationId = playbook.relate("activity", pilot, "activity", rollout, "blocks")
                .text("relationId");

        Response removed = api.send("DELETE", "/api/v1/relations/" + relationId, admin(), null, Map.of());

        assertThat(removed.status()).isEqualTo(204);
        assertThat(relations(pilot).get("outgoing").size()).isZero();
        assertThat(number(playbook.card(pilot), "outgoingRelations")).isZero();
        assertThat(api.send("DELETE", "/api/v1/relations/" + relationId, admin(), null, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void dependencyGraphHasTheEngagementsNodesAndTypedEdges() {
        String move = playbook.winningMove("Own onboarding");
        playbook.relate("activity", pilot, "activity", rollout, "blocks");
        playbook.relate("activity", rollout, "winning_move", move, "enables");

        JsonNode graph = api.get("/api/v1/engagements/" + playbook.engagement() + "/dependency-graph", admin())
                .json();

        assertThat(graph.get("nodes").findValues("title").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("Pilot", "Rollout", "Own onboarding");
        assertThat(graph.get("edges").size()).isEqualTo(2);
        assertThat(graph.get("edges").findValues("relationType").stream().map(JsonNode::asString))
                .containsExactly("blocks", "enables");
    }

    @Test
    void relationsAppearInTheTimelineAsTheirOwnEntities() {
        String relationId = playbook.relate("activity", pilot, "activity", rollout, "blocks")
                .text("relationId");

        JsonNode entry = api.get("/api/v1/timeline?entityType=relation&entityId=" + relationId, admin())
                .at("entries/0");

        assertThat(text(entry, "eventType")).isEqualTo("relation_added");
        assertThat(text(entry, "newValue/relation_type")).isEqualTo("blocks");
    }

    @Test
    void malformedEntityTypeIsRefused() {
        Response refused = playbook.relate("Activity!", pilot, "activity", rollout, "blocks");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("source.type");
    }

    private JsonNode relations(String activityId) {
        Response response = api.get("/api/v1/relations?entityType=activity&entityId=" + activityId, admin());
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
