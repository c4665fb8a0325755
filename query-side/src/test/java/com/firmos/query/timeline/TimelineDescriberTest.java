package com.firmos.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.crm.Sealed;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every event of the message contract (each record with a {@link Revision}) that gets an entry has a description
 * of its own, and none names a secret: each event is built with every field set, its secret-looking fields
 * (hashes, tokens, keys, passwords) to a marker, and no marker may reach the entry.
 */
class TimelineDescriberTest {

    private static final Pattern SECRET = Pattern.compile("(?i).*(hash|token|secret|password|key).*");
    private static final String SEALED = "v1:SEALED-CIPHERTEXT";

    private final TimelineDescriber describer = new TimelineDescriber();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventHasADescriptionOfItsOwn() {
        List<String> undescribed = recordedEvents().stream()
                .filter(event -> describer.describe(sample(event)).isEmpty())
                .map(Class::getName).sorted().toList();

        assertThat(events()).as("events found on the class path").hasSizeGreaterThan(100);
        assertThat(undescribed).as("events without a timeline description").isEmpty();
    }

    @Test
    void noDescriptionNamesASecretOrOpensASealedValue() {
        for (Class<?> event : recordedEvents()) {
            Object payload = sample(event);
            Optional<TimelineDescription> description = describer.describe(payload);
            String written = json.writeValueAsString(description.orElseThrow());

            assertThat(written).as(event.getSimpleName()).doesNotContainPattern("(?i)\"[a-z]*(hash|token)")
                    .doesNotContain("SECRET-");
            for (Sealed sealed : sealedIn(description.get())) {
                assertThat(sealed.ciphertext()).as(event.getSimpleName()).isEqualTo(SEALED);
            }
        }
    }

    @Test
    void aCommentsAdoptionIsTheOnlyEventWithoutAnEntry() {
        List<String> unrecorded = events().stream().filter(event -> !TimelineDescriber.recorded(sample(event)))
                .map(Class::getSimpleName).toList();

        assertThat(unrecorded).containsExactly("ActivityCommentAdoptedEvent");
    }

    @Test
    void aCommentsEntriesAreItsActivitysWhicheverStreamHoldsThem() {
        ActivityCommentEditedEvent edited = (ActivityCommentEditedEvent) sample(ActivityCommentEditedEvent.class);

        TimelineDescription description = describer.describe(edited).orElseThrow();

        assertThat(description.entityType()).isEqualTo("activity");
        assertThat(description.entityId()).isEqualTo(edited.activityId().toString());
    }

    @Test
    void aPortalGrantShowsTheContactSealedAndWhetherAPasswordIsSetButNoHash() {
        Object grant = sample(com.firmos.api.messages.portal.PortalAccessGrantedEvent.class);

        Map<String, Object> shown = describer.describe(grant).orElseThrow().newValue();

        assertThat(shown).containsKeys("contactName", "sections", "passwordProtected")
                .doesNotContainKeys("tokenHash", "passwordHash", "organizationId");
        assertThat(shown.get("contactName")).isInstanceOf(Sealed.class);
        assertThat(shown.get("passwordProtected")).isEqualTo(true);
    }

    private static List<Sealed> sealedIn(TimelineDescription description) {
        List<Sealed> found = new ArrayList<>();
        for (Map<String, Object> values : new ArrayList<>(java.util.Arrays.asList(description.oldValue(),
                description.newValue()))) {
            if (values != null) {
                values.values().stream().filter(Sealed.class::isInstance).map(Sealed.class::cast).forEach(found::add);
            }
        }
        return found;
    }

    private static List<Class<?>> recordedEvents() {
        return events().stream().filter(event -> TimelineDescriber.recorded(sample(event))).toList();
    }

    private static List<Class<?>> events() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<Class<?>> events = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("com.firmos.api.messages")) {
            try {
                events.add(Class.forName(definition.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    /** A record with every component set: secret-looking text to a marker, sealed values to a fixed ciphertext. */
    private static Object sample(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + record.getName(), e);
        }
    }

    private static Object value(String name, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            return SECRET.matcher(name).matches() ? "SECRET-" + name : "text-" + name;
        }
        if (raw == Sealed.class) {
            return new Sealed(UUID.randomUUID().toString(), SEALED);
        }
        if (raw == UUID.class) {
            return UUID.randomUUID();
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-11-01T10:00:00Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse("2026-11-01");
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("12.50");
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == long.class || raw == Long.class) {
            return 3L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class || raw == Set.class) {
            Object element = value(name, ((ParameterizedType) type).getActualTypeArguments()[0]);
            return raw == List.class ? List.of(element) : Set.of(element);
        }
        if (raw == Map.class) {
            return Map.of("key", "text-" + name);
        }
        if (raw.isRecord()) {
            return sample(raw);
        }
        throw new IllegalStateException("no sample for " + name + " of " + type);
    }
}
