package com.firmos.rest.privacy;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;

/**
 * A person's id seen in one tenant (the portal shows stakeholder and guest ids) names nobody in another: reusing it
 * there makes a new person with a key of its own, and erasing that one leaves the first tenant's person readable.
 */
class CrossTenantPeopleApiTest extends IntegrationTest {

    @Test
    void anotherTenantReusingAStakeholderIdNeitherOverwritesNorErasesThePerson() {
        String clientA = client(admin(), "Northwind");
        UUID person = UUID.randomUUID();
        assertThat(addStakeholder(admin(), clientA, person, "Grace Hopper", "grace@northwind.example").status())
                .isEqualTo(201);
        String before = api.get("/api/v1/clients/" + clientA, admin()).body();
        String intruder = token(otherTenant, "admin");
        String clientB = client(intruder, "Mallory Inc");

        assertThat(addStakeholder(intruder, clientB, person, "Mallory", "mallory@evil.example").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/clients/" + clientB + "/stakeholders/" + person + "/erasure", intruder, null)
                .status()).isLessThan(300);

        assertThat(api.get("/api/v1/clients/" + clientA, admin()).body()).isEqualTo(before);
        JsonNode stakeholder = stakeholder(clientA, person);
        assertThat(text(stakeholder, "name")).isEqualTo("Grace Hopper");
        assertThat(text(stakeholder, "email")).isEqualTo("grace@northwind.example");
        Response edit = api.put("/api/v1/clients/" + clientA + "/stakeholders/" + person, admin(),
                "{\"name\": \"Grace B. Hopper\", \"engagementLevel\": \"high\"}", Map.of());
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(stakeholder(clientB, person, intruder).get("name").isNull()).isTrue();
    }

    @Test
    void anotherTenantCannotEraseAGuestNorReuseTheGuestsIdToEraseThem() {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Kick-off");
        api.post("/api/v1/activities/" + activity + "/members", admin(),
                "{\"name\": \"Grace\", \"email\": \"grace@client.example\"}");
        UUID guest = UUID.fromString(text(playbook.card(activity), "members/0/nonUserMemberId"));
        String intruder = token(otherTenant, "admin");
        String clientB = client(intruder, "Mallory Inc");

        assertThat(api.post("/api/v1/team-members/" + guest + "/erasure", intruder, null).status()).isEqualTo(404);
        assertThat(addStakeholder(intruder, clientB, guest, "Mallory", "mallory@evil.example").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/clients/" + clientB + "/stakeholders/" + guest + "/erasure", intruder, null)
                .status()).isLessThan(300);
        // B's own person under that id is B's to erase again; it is not A's guest.
        assertThat(api.post("/api/v1/team-members/" + guest + "/erasure", intruder, null).status()).isLessThan(300);

        assertThat(text(playbook.card(activity), "members/0/name")).isEqualTo("Grace");
        assertThat(api.post("/api/v1/team-members/" + guest + "/erasure", admin(), null).status()).isEqualTo(204);
        assertThat(at(playbook.card(activity), "members/0/name").isNull()).isTrue();
    }

    private String client(String token, String name) {
        return api.post("/api/v1/clients", token, "{\"name\": \"" + name + "\"}").text("profile/id");
    }

    private Response addStakeholder(String token, String client, UUID id, String name, String email) {
        return api.post("/api/v1/clients/" + client + "/stakeholders", token, """
                {"id": "%s", "name": "%s", "title": "CFO", "roles": ["champion"], "engagementLevel": "high",
                 "email": "%s"}""".formatted(id, name, email));
    }

    private JsonNode stakeholder(String client, UUID id) {
        return stakeholder(client, id, admin());
    }

    private JsonNode stakeholder(String client, UUID id, String token) {
        return api.get("/api/v1/clients/" + client, token).json().get("stakeholders").valueStream()
                .filter(node -> text(node, "id").equals(id.toString())).findFirst().orElseThrow();
    }
}
