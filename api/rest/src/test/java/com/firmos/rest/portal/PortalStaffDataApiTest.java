package com.firmos.rest.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/** What the portal shows is the client's: no budget, deal, proposal or contract ids, no team members' emails. */
class PortalStaffDataApiTest extends IntegrationTest {

    @Test
    void thePortalTimelineAndBoardCarryNoStaffData() {
        UUID deal = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        Response opened = api.post("/api/v1/engagements", admin(), """
                {"clientId": "%s", "name": "Rollout", "budget": 987654.32, "dealId": "%s", "proposalId": "%s",
                 "contractId": "%s"}""".formatted(UUID.randomUUID(), deal, proposal, contract));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String engagement = opened.text("id");
        String activity = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Kick-off", "timeBucket": "this_quarter"}""".formatted(engagement))
                .text("id");
        api.post("/api/v1/activities/" + activity + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace@partner.example\", \"role\": \"sponsor\"}");
        String session = session(engagement);

        Response timeline = api.get("/api/v1/portal/timeline", session);
        Response board = api.get("/api/v1/portal/planning-view", session);

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).contains("engagement_opened", "Rollout")
                .doesNotContain("987654", "budget", deal.toString(), proposal.toString(), contract.toString(),
                        "dealId", "proposalId", "contractId");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("Grace", "sponsor").doesNotContain("partner.example");
        Response moved = api.post("/api/v1/portal/activities/" + activity + "/status", session,
                "{\"status\": \"in_progress\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("Grace").doesNotContain("partner.example");
        assertThat(api.get("/api/v1/engagements/" + engagement + "/planning-view", admin()).body())
                .as("staff still see the email").contains("grace@partner.example");
    }

    private String session(String engagement) {
        String link = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(), """
                {"contactName": "Ada", "sections": ["playbook", "timeline"]}""").text("token");
        return api.post("/api/v1/portal/sessions", null, "{\"token\": \"" + link + "\"}").text("sessionToken");
    }
}
