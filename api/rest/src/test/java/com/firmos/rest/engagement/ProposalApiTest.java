package com.firmos.rest.engagement;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** A signed proposal becomes an engagement funded by an order, exactly once. */
class ProposalApiTest extends IntegrationTest {

    @Test
    void acceptingAViewedProposalOpensAnEngagementFundedByItsOrder() {
        String proposal = viewedProposal(null);

        Response accepted = api.post("/api/v1/proposals/" + proposal + "/acceptance", admin(), null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode view = accepted.json();
        assertThat(text(view, "status")).isEqualTo("accepted");
        JsonNode engagement = api.get("/api/v1/engagements/" + text(view, "engagementId"), admin()).json();
        assertThat(text(engagement, "status")).isEqualTo("active");
        assertThat(text(engagement, "proposalId")).isEqualTo(proposal);
        assertThat(engagement.get("orders").size()).isEqualTo(1);
        assertThat(at(engagement, "orders/0/amount").decimalValue()).isEqualByComparingTo("48000.00");
        assertThat(text(engagement, "proposal/orderId")).isEqualTo(text(engagement, "orders/0/orderId"));
    }

    @Test
    void retriedAcceptanceOpensNothingTwice() {
        String proposal = viewedProposal(null);

        Response first = api.post("/api/v1/proposals/" + proposal + "/acceptance", admin(), null);
        Response retry = api.post("/api/v1/proposals/" + proposal + "/acceptance", admin(), null);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("engagementId")).isEqualTo(first.text("engagementId"));
        List<JsonNode> engagements = api.get("/api/v1/engagements", admin()).json().get("engagements").valueStream()
                .toList();
        assertThat(engagements).hasSize(1);
        String engagement = text(engagements.getFirst(), "id");
        assertThat(api.get("/api/v1/engagements/" + engagement, admin()).json().get("orders").size()).isEqualTo(1);
    }

    @Test
    void aProposalForAnExistingEngagementAddsAnOrderToIt() {
        String engagement = engagement().toString();
        String first = viewedProposal(engagement);
        api.post("/api/v1/proposals/" + first + "/acceptance", admin(), null);
        String second = viewedProposal(engagement);

        Response accepted = api.post("/api/v1/proposals/" + second + "/acceptance", admin(), null);

        assertThat(accepted.text("engagementId")).isEqualTo(engagement);
        assertThat(api.get("/api/v1/engagements/" + engagement, admin()).json().get("orders").size()).isEqualTo(2);
    }

    @Test
    void ordersSurviveTheEngagementsClosure() {
        String proposal = viewedProposal(null);
        String engagement = api.post("/api/v1/proposals/" + proposal + "/acceptance", admin(), null)
                .text("engagementId");

        api.post("/api/v1/engagements/" + engagement + "/close", admin(), "{\"outcome\": \"completed\"}");

        assertThat(api.get("/api/v1/engagements/" + engagement, admin()).json().get("orders").size()).isEqualTo(1);
    }

    @Test
    void aProposalTheClientHasNotViewedCannotBeAccepted() {
        String proposal = draft(null);
        status(proposal, "sent");

        Response refused = api.post("/api/v1/proposals/" + proposal + "/acceptance", admin(), null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/engagements", admin()).json().get("engagements").size()).isZero();
    }

    @Test
    void onlyADraftCanBeEdited() {
        String proposal = draft(null);
        assertThat(api.put("/api/v1/proposals/" + proposal, admin(), "{\"title\": \"New\", \"amount\": 1}",
                java.util.Map.of()).status()).isEqualTo(200);
        status(proposal, "sent");

        Response refused = api.put("/api/v1/proposals/" + proposal, admin(), "{\"title\": \"Newer\", \"amount\": 2}",
                java.util.Map.of());

        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void cannotFundAnotherClientsEngagement() {
        String engagement = engagement().toString();
        String proposal = UUID.randomUUID().toString();

        Response refused = api.post("/api/v1/proposals", admin(), """
                {"id": "%s", "clientId": "%s", "title": "Transformation", "amount": 48000.00,
                 "fundedEngagementId": "%s"}""".formatted(proposal, UUID.randomUUID(), engagement));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("fundedEngagementId");
        assertThat(api.get("/api/v1/proposals/" + proposal, admin()).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantCannotAcceptTheProposal() {
        String proposal = viewedProposal(null);

        Response refused = api.post("/api/v1/proposals/" + proposal + "/acceptance", token(otherTenant, "admin"),
                null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/proposals/" + proposal, admin()).text("status")).isEqualTo("viewed");
    }

    private String viewedProposal(String engagement) {
        String proposal = draft(engagement);
        status(proposal, "sent");
        status(proposal, "viewed");
        return proposal;
    }

    private String draft(String engagement) {
        String client = engagement == null ? UUID.randomUUID().toString() : clientOf(engagement);
        Response drafted = draft(client, engagement);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.text("id");
    }

    private Response draft(String client, String engagement) {
        return api.post("/api/v1/proposals", admin(), """
                {"clientId": "%s", "title": "Transformation", "amount": 48000.00%s}""".formatted(client,
                engagement == null ? "" : ", \"fundedEngagementId\": \"" + engagement + "\""));
    }

    private String clientOf(String engagement) {
        return api.get("/api/v1/engagements/" + engagement, admin()).text("clientId");
    }

    private void status(String proposal, String status) {
        Response changed = api.post("/api/v1/proposals/" + proposal + "/status", admin(),
                "{\"status\": \"" + status + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
