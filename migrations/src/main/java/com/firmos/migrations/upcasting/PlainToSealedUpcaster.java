package com.firmos.migrations.upcasting;

import java.util.List;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an event stored before some of its personal fields were sealed: each plain value becomes a sealed value of
 * the person the event names, marked {@code plain:}. The stored bytes cannot be rewritten (the audit chain covers
 * them), so such a value stays readable until the person is erased, when the erasure list hides it.
 */
public class PlainToSealedUpcaster extends SingleEventUpcaster {

    static final String PLAIN = "plain:";

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final JsonPointer subject;
    private final List<JsonPointer> fields;

    /**
     * @param subject where the person's id is; a field of an event without one (a user, whose data lives in their
     *                account) is dropped
     * @param fields  the plain text fields to seal, each in an object of the payload
     */
    public PlainToSealedUpcaster(Class<?> event, String fromRevision, String toRevision, String subject,
            List<String> fields) {
        this.from = new SimpleSerializedType(event.getName(), fromRevision);
        this.to = new SimpleSerializedType(event.getName(), toRevision);
        this.subject = JsonPointer.compile(subject);
        this.fields = fields.stream().map(JsonPointer::compile).toList();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return stored.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        return stored.upcastPayload(to, JsonNode.class, payload -> {
            JsonNode person = payload.at(subject);
            for (JsonPointer field : fields) {
                if (payload.at(field.head()) instanceof ObjectNode owner) {
                    String name = field.last().getMatchingProperty();
                    owner.set(name, sealed(person, owner.get(name)));
                }
            }
            return payload;
        });
    }

    private static JsonNode sealed(JsonNode person, JsonNode value) {
        if (value == null || !value.isTextual() || person.isMissingNode() || person.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        return JsonNodeFactory.instance.objectNode().put("subjectId", person.asText())
                .put("ciphertext", PLAIN + value.asText());
    }
}
