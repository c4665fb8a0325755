package com.firmos.rest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Axon's mapper writes an event as its record components and nothing else, so the interfaces the events implement
 * change no stored payload, and a payload stored before them reads back as the same event.
 */
class EventJsonTest {

    private final ObjectMapper mapper = new AxonConfiguration().defaultAxonObjectMapper();

    @Test
    void everyEventWritesItsRecordComponentsAndNothingElse() throws Exception {
        List<Class<?>> events = new ClassFileImporter().importPackages("com.firmos.api.messages").stream()
                .filter(type -> type.isAnnotatedWith(Revision.class)).map(JavaClass::reflect)
                .filter(Class::isRecord).toList();

        assertThat(events).as("events found").hasSizeGreaterThan(100);
        for (Class<?> event : events) {
            assertThat(written(event)).as(event.getSimpleName()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    @Test
    void anEngagementOpeningStoredEarlierReadsBackAndWritesTheSameJson() throws Exception {
        String stored = """
                {"engagementId":"e1000000-0000-4000-8000-000000000001","organizationId":"org_acme",\
                "clientId":"c1000000-0000-4000-8000-000000000001","name":"ITSM rollout","phase":"ACTIVATE",\
                "dealId":"d1000000-0000-4000-8000-000000000001","proposalId":null,"contractId":null,\
                "budget":1250.00}""";
        EngagementOpenedEvent opened = new EngagementOpenedEvent(
                UUID.fromString("e1000000-0000-4000-8000-000000000001"), "org_acme",
                UUID.fromString("c1000000-0000-4000-8000-000000000001"), "ITSM rollout", PlaybookPhase.ACTIVATE,
                UUID.fromString("d1000000-0000-4000-8000-000000000001"), null, null, new BigDecimal("1250.00"));

        assertThat(mapper.readValue(stored, EngagementOpenedEvent.class)).isEqualTo(opened);
        assertThat(mapper.writeValueAsString(opened)).isEqualTo(stored);
    }

    private List<String> written(Class<?> event) throws Exception {
        List<String> names = new ArrayList<>();
        Iterator<PropertyWriter> writers = mapper.getSerializerProviderInstance().findValueSerializer(event)
                .properties();
        writers.forEachRemaining(writer -> names.add(writer.getName()));
        return names;
    }
}
