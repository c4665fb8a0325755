package com.firmos.migrations.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.firmos.api.messages.revenue.BillRecordedEvent;

class BillRecordedEventUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aStoredRevisionOneBillReadsAsRevisionTwo() throws Exception {
        IntermediateEventRepresentation upcast = upcast(stored("BillRecordedEvent-1.json", "1"));

        JsonNode bill = upcast.getData(JsonNode.class).getData();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(bill.get("vendorReference").asText()).isEqualTo("V-77");
        assertThat(bill.has("reference")).isFalse();
        assertThat(bill.get("currency").asText()).isEqualTo("USD");
        assertThat(bill.get("amount").decimalValue()).isEqualByComparingTo("1250.00");
    }

    @Test
    void aRevisionTwoBillIsLeftAlone() throws Exception {
        IntermediateEventRepresentation upcast = upcast(stored("BillRecordedEvent-1.json", "2"));

        assertThat(upcast.getData(JsonNode.class).getData().get("reference").asText()).isEqualTo("V-77");
    }

    private IntermediateEventRepresentation upcast(InitialEventRepresentation stored) {
        List<IntermediateEventRepresentation> result = new BillRecordedEventUpcaster().upcast(Stream.of(stored))
                .toList();
        assertThat(result).hasSize(1);
        return result.getFirst();
    }

    private InitialEventRepresentation stored(String file, String revision) throws Exception {
        byte[] payload;
        try (InputStream in = getClass().getResourceAsStream("/stored-events/" + file)) {
            payload = in.readAllBytes();
        }
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Bill",
                "b1000000-0000-4000-8000-000000000001", 0, "e1", Instant.parse("2026-11-01T10:00:00Z"),
                BillRecordedEvent.class.getName(), revision, payload, "{}".getBytes()), serializer);
    }
}
