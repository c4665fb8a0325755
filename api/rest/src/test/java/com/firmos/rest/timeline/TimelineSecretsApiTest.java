package com.firmos.rest.timeline;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The timeline shows what each event's description allows: no hash, key, token or ciphertext ever; the names of
 * stakeholders and portal contacts opened for the staff of their tenant, null once the person is erased.
 */
class TimelineSecretsApiTest extends IntegrationTest {

    @Test
    void aViewerSeesAPortalAccessWithoutItsHashesAndItsContactByNameUntilErased() {
        UUID engagement = engagement();
        String access = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin(), """
                {"contactName": "Grace Hopper", "sections": ["playbook"], "password": "correct-horse"}""")
                .text("access/id");
        assertThat(api.post("/api/v1/portal-access/" + access + "/rotation", admin(), null).status()).isEqualTo(200);

        Response timeline = api.get("/api/v1/timeline?entityType=portal_access", token(tenant, "viewer"));

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).contains("portal_access_granted", "portal_link_rotated", "Grace Hopper")
                .doesNotContain("tokenHash", "passwordHash", "$2a$", "ciphertext", "subjectId", "v1:");
        assertThat(flag(granted(), "newValue/passwordProtected")).isTrue();

        assertThat(api.post("/api/v1/portal-access/" + access + "/erasure", admin(), null).status()).isEqualTo(204);

        JsonNode erased = granted();
        assertThat(erased.get("newValue").has("contactName")).isTrue();
        assertThat(at(erased, "newValue/contactName").isNull()).isTrue();
        assertThat(api.get("/api/v1/timeline?entityType=portal_access", admin()).body())
                .contains("portal_contact_erased").doesNotContain("Grace Hopper", "ciphertext");
    }

    @Test
    void staffReadAStakeholdersNameButNeitherTheirContactDetailsNorCiphertext() {
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\"}").text("profile/id");
        String stakeholder = api.post("/api/v1/clients/" + client + "/stakeholders", admin(), """
                {"name": "Ada Lovelace", "engagementLevel": "high", "email": "ada@northwind.example",
                 "phone": "+44 20 7946 0958", "notes": "Prefers mornings"}""").text("id");

        String read = api.get("/api/v1/timeline?entityId=" + client, token(tenant, "viewer")).body();

        assertThat(read).contains("stakeholder_added", "Ada Lovelace", stakeholder)
                .doesNotContain("ada@northwind.example", "7946", "Prefers mornings", "ciphertext", "v1:");
        assertThat(api.get("/api/v1/timeline?entityId=" + client, token(otherTenant, "admin")).body())
                .doesNotContain("Ada Lovelace");

        api.post("/api/v1/clients/" + client + "/stakeholders/" + stakeholder + "/erasure", admin(), null);

        assertThat(api.get("/api/v1/timeline?entityId=" + client, admin()).body())
                .contains("stakeholder_erased").doesNotContain("Ada Lovelace", "ciphertext");
    }

    private JsonNode granted() {
        List<JsonNode> entries = api.get("/api/v1/timeline?entityType=portal_access", admin()).json().get("entries")
                .valueStream().filter(entry -> text(entry, "eventType").equals("portal_access_granted"))
                .toList();
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }
}
