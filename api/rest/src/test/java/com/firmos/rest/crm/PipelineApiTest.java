package com.firmos.rest.crm;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class PipelineApiTest extends IntegrationTest {

    private String client;

    @BeforeEach
    void client() {
        client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
    }

    @Test
    void pipelineCountsTotalsAndWeightsOpenDealsByStage() {
        deal("A", "10000", "2027-01-15", "new");
        deal("B", "30000", "2027-01-20", "renewal");
        String c = deal("C", "20000", "2027-02-10", "new");
        moveTo(c, "qualified");

        JsonNode pipeline = api.get("/api/v1/pipeline", admin()).json();

        JsonNode lead = stage(pipeline, "lead");
        assertThat(number(lead, "count")).isEqualTo(2);
        assertThat(lead.get("totalValue").decimalValue()).isEqualByComparingTo("40000");
        assertThat(lead.get("weightedValue").decimalValue()).isEqualByComparingTo("4000");
        JsonNode qualified = stage(pipeline, "qualified");
        assertThat(number(qualified, "probability")).isEqualTo(25);
        assertThat(qualified.get("weightedValue").decimalValue()).isEqualByComparingTo("5000");
        assertThat(number(pipeline, "openDeals")).isEqualTo(3);
        assertThat(pipeline.get("weightedValue").decimalValue()).isEqualByComparingTo("9000");
        assertThat(number(lead, "deals/0/daysInStage")).isZero();
    }

    @Test
    void pipelineFiltersByTypeAndClosePeriod() {
        deal("A", "10000", "2027-01-15", "new");
        deal("B", "30000", "2027-03-20", "renewal");

        assertThat(api.get("/api/v1/pipeline?type=renewal", admin()).number("openDeals")).isEqualTo(1);
        assertThat(api.get("/api/v1/pipeline?closeFrom=2027-01-01&closeTo=2027-01-31", admin()).json()
                .get("totalValue").decimalValue()).isEqualByComparingTo("10000");
    }

    @Test
    void dealsSittingTooLongInAStageAreFlaggedRotting() {
        String deal = deal("A", "10000", null, "new");
        moveTo(deal, "qualified");
        moveTo(deal, "discovery");

        JsonNode discovery = stage(api.get("/api/v1/pipeline", admin()).json(), "discovery");

        assertThat(flag(discovery, "deals/0/rotting")).isTrue();
    }

    @Test
    void winRateAndLossReasonsCoverClosedDeals() {
        String won = deal("W", "50000", null, "new");
        for (String stage : List.of("qualified", "discovery", "proposal", "negotiation")) {
            moveTo(won, stage);
        }
        api.post("/api/v1/deals/" + won + "/win", admin(), null);
        lose(deal("L1", "1000", null, "new"), "Budget frozen");
        lose(deal("L2", "1000", null, "new"), "Budget frozen");
        lose(deal("L3", "1000", null, "new"), "Chose a competitor");

        JsonNode rate = api.get("/api/v1/pipeline/win-rate?from=" + LocalDate.now().minusDays(1), admin()).json();

        assertThat(number(rate, "won")).isEqualTo(1);
        assertThat(number(rate, "lost")).isEqualTo(3);
        assertThat(rate.get("winRate").asDouble()).isEqualTo(0.25);
        assertThat(text(rate, "lossReasons/0/reason")).isEqualTo("Budget frozen");
        assertThat(number(rate, "lossReasons/0/deals")).isEqualTo(2);
    }

    @Test
    void forecastGroupsOpenDealsByMonthOfExpectedClose() {
        deal("A", "10000", "2027-01-15", "new");
        deal("B", "30000", "2027-01-20", "new");
        deal("C", "20000", "2027-02-10", "new");

        JsonNode months = api.get("/api/v1/pipeline/forecast", admin()).json().get("months");

        assertThat(text(months, "0/month")).isEqualTo("2027-01");
        assertThat(number(months, "0/deals")).isEqualTo(2);
        assertThat(at(months, "0/weightedValue").decimalValue()).isEqualByComparingTo("4000");
        assertThat(text(months, "1/month")).isEqualTo("2027-02");
    }

    @Test
    void aStageChangeReportsTheExitCriteriaOfTheStageLeft() {
        String deal = deal("A", "10000", null, "new");
        JsonNode fromLead = moveTo(deal, "qualified");
        assertThat(criterion(fromLead, 0, "initial contact made")).isFalse();

        api.post("/api/v1/clients/" + client + "/stakeholders", admin(),
                "{\"name\": \"Champ\", \"roles\": [\"champion\"], \"engagementLevel\": \"high\"}");
        api.post("/api/v1/clients/" + client + "/interactions", admin(),
                "{\"type\": \"call\", \"subject\": \"Intro\", \"occurredAt\": \"" + Instant.now() + "\"}");
        JsonNode fromQualified = moveTo(deal, "discovery");

        assertThat(criterion(fromQualified, 1, "MEDDPICC fields populated")).isFalse();
        assertThat(criterion(fromQualified, 1, "champion identified")).isTrue();
        JsonNode backToLead = moveTo(deal, "lead");
        assertThat(text(backToLead, "stageReports/2/leftStage")).isEqualTo("discovery");
    }

    @Test
    void stagesCannotBeSkippedAndLosingNeedsAReason() {
        String deal = deal("A", "10000", null, "new");

        Response skipped = api.post("/api/v1/deals/" + deal + "/stage", admin(), "{\"stage\": \"proposal\"}");
        Response noReason = api.post("/api/v1/deals/" + deal + "/loss", admin(), "{\"reason\": \"\"}");

        assertThat(skipped.status()).isEqualTo(409);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");
    }

    @Test
    void winningADealOpensAnEngagementBudgetedWithItsValue() {
        String deal = deal("ITSM", "75000", null, "new");
        for (String stage : List.of("qualified", "discovery", "proposal", "negotiation")) {
            moveTo(deal, stage);
        }

        Response won = api.post("/api/v1/deals/" + deal + "/win", admin(), null);

        assertThat(won.status()).isEqualTo(200);
        String engagement = won.text("engagementId");
        JsonNode listed = api.get("/api/v1/engagements?clientId=" + client, admin()).at("engagements/0");
        assertThat(text(listed, "id")).isEqualTo(engagement);
        assertThat(listed.get("budget").decimalValue()).isEqualByComparingTo("75000");
        assertThat(api.get("/api/v1/engagements/" + engagement, admin()).text("dealId")).isEqualTo(deal);
        assertThat(api.post("/api/v1/deals/" + deal + "/win", admin(), null).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/engagements?clientId=" + client, admin()).json().get("engagements").size())
                .isEqualTo(1);
    }

    @Test
    void aCompetitorIsCreatedAndEditedWhereItCanBeReadAgain() {
        Response created = api.post("/api/v1/competitors", admin(), "{\"name\": \"Globex\", \"pricing\": \"fixed\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("Globex");
        assertThat(created.header("Location")).isEqualTo("/api/v1/competitors/" + created.text("id"));
        assertThat(api.get(created.header("Location"), admin()).body()).isEqualTo(created.body());
        Response edited = api.put(created.header("Location"), admin(), "{\"name\": \"Globex Corp\"}", Map.of());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.text("name")).isEqualTo("Globex Corp");
        assertThat(api.get(created.header("Location"), token(otherTenant, "admin")).status()).isEqualTo(404);
    }

    @Test
    void competitorsComeFromTheCatalogue() {
        String deal = deal("A", "10000", null, "new");
        String competitor = UUID.randomUUID().toString();
        api.post("/api/v1/competitors", admin(), "{\"id\": \"" + competitor + "\", \"name\": \"Acme Consulting\","
                + " \"strengths\": \"cheap\", \"pricing\": \"day rates\"}");

        JsonNode mentioned = api.post("/api/v1/deals/" + deal + "/competitors", admin(),
                "{\"competitorId\": \"" + competitor + "\", \"status\": \"active\"}").json();

        assertThat(text(mentioned, "competitors/0/name")).isEqualTo("Acme Consulting");
        assertThat(api.post("/api/v1/deals/" + deal + "/competitors", admin(),
                "{\"competitorId\": \"" + UUID.randomUUID() + "\", \"status\": \"active\"}").status()).isEqualTo(400);
    }

    @Test
    void anotherTenantSeesNoneOfThePipeline() {
        String deal = deal("A", "10000", null, "new");
        String intruder = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/pipeline", intruder).number("openDeals")).isZero();
        assertThat(api.get("/api/v1/deals/" + deal, intruder).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/deals/" + deal + "/stage", intruder, "{\"stage\": \"qualified\"}").status())
                .isEqualTo(404);
    }

    private String deal(String name, String value, String close, String type) {
        Response created = api.post("/api/v1/deals", admin(), """
                {"clientId": "%s", "name": "%s", "value": %s, "type": "%s", "source": "referral"%s}"""
                .formatted(client, name, value, type,
                        close == null ? "" : ", \"expectedCloseDate\": \"" + close + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode moveTo(String deal, String stage) {
        Response moved = api.post("/api/v1/deals/" + deal + "/stage", admin(), "{\"stage\": \"" + stage + "\"}",
                Map.of());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return moved.json();
    }

    private void lose(String deal, String reason) {
        assertThat(api.post("/api/v1/deals/" + deal + "/loss", admin(), "{\"reason\": \"" + reason + "\"}").status())
                .isEqualTo(200);
    }

    private static JsonNode stage(JsonNode pipeline, String stage) {
        return pipeline.get("stages").valueStream().filter(node -> text(node, "stage").equals(stage))
                .findFirst().orElseThrow();
    }

    private static boolean criterion(JsonNode deal, int report, String name) {
        return deal.get("stageReports").get(report).get("criteria").valueStream()
                .filter(node -> text(node, "criterion").equals(name))
                .findFirst().map(node -> flag(node, "met")).orElseThrow();
    }
}
