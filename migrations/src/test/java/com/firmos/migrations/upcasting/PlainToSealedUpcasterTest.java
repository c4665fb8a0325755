package com.firmos.migrations.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;

class PlainToSealedUpcasterTest {

    private static final String GUEST = "9e000000-0000-4000-8000-000000000001";
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final UpcasterConfiguration upcasters = new UpcasterConfiguration();

    @Test
    void aStoredStakeholderNameReadsAsSealedUnderTheStakeholder() {
        JsonNode added = upcast(upcasters.stakeholderAddedEventUpcaster(), StakeholderAddedEvent.class, """
                {"clientId": "c1", "organizationId": "org", "stakeholderId": "5a000000-0000-4000-8000-000000000001",
                 "details": {"name": "Grace", "title": "CFO", "email": {"subjectId": "s", "ciphertext": "v1:x"}}}""");

        assertThat(added.at("/details/name/subjectId").asText()).isEqualTo("5a000000-0000-4000-8000-000000000001");
        assertThat(added.at("/details/name/ciphertext").asText()).isEqualTo("plain:Grace");
        assertThat(added.at("/details/title").asText()).isEqualTo("CFO");
        assertThat(added.at("/details/email/ciphertext").asText()).isEqualTo("v1:x");
    }

    @Test
    void aStoredGuestsNameAndEmailReadAsSealedUnderTheGuest() {
        JsonNode added = upcast(upcasters.activityTeamMemberAddedEventUpcaster(), ActivityTeamMemberAddedEvent.class,
                """
                {"activityId": "a1", "member": {"nonUserMemberId": "%s", "name": "Grace",
                 "email": "grace@client.com", "role": "sponsor"}}""".formatted(GUEST));

        assertThat(added.at("/member/name/subjectId").asText()).isEqualTo(GUEST);
        assertThat(added.at("/member/name/ciphertext").asText()).isEqualTo("plain:Grace");
        assertThat(added.at("/member/email/ciphertext").asText()).isEqualTo("plain:grace@client.com");
        assertThat(added.at("/member/role").asText()).isEqualTo("sponsor");
    }

    @Test
    void aStoredUsersNameIsDroppedForTheOneInTheirAccount() {
        JsonNode added = upcast(upcasters.activityTeamMemberAddedEventUpcaster(), ActivityTeamMemberAddedEvent.class,
                """
                {"activityId": "a1", "member": {"userId": "user_bob", "name": "Bob", "role": "lead"}}""");

        assertThat(added.at("/member/name").isNull()).isTrue();
        assertThat(added.at("/member/userId").asText()).isEqualTo("user_bob");
    }

    @Test
    void aStoredVendorEmailReadsAsSealedUnderTheVendor() {
        String vendor = "7e000000-0000-4000-8000-000000000001";
        JsonNode registered = upcast(upcasters.vendorRegisteredEventUpcaster(), VendorRegisteredEvent.class, """
                {"vendorId": "%s", "organizationId": "org", "name": "Venue Co", "email": "ap@venue.example"}"""
                .formatted(vendor));

        assertThat(registered.at("/email/subjectId").asText()).isEqualTo(vendor);
        assertThat(registered.at("/email/ciphertext").asText()).isEqualTo("plain:ap@venue.example");
        assertThat(registered.at("/name").asText()).isEqualTo("Venue Co");
        assertThat(registered.has("phone")).isFalse();
    }

    private JsonNode upcast(PlainToSealedUpcaster upcaster, Class<?> type, String json) {
        InitialEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>("Aggregate",
                "a1", 0, "e1", Instant.parse("2026-11-01T10:00:00Z"), type.getName(), "1",
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), serializer);
        List<IntermediateEventRepresentation> result = upcaster.upcast(Stream.of(stored)).toList();
        assertThat(result.getFirst().getType().getRevision()).isEqualTo("2");
        return result.getFirst().getData(JsonNode.class).getData();
    }
}
