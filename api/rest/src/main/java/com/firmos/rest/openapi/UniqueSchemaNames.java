package com.firmos.rest.openapi;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Refuses two of our types under one schema name. springdoc names a schema by its class's simple name and keeps
 * the first it met, so two controllers' {@code StatusRequest} were documented as one: a client then sends the
 * other's fields. A nested request type that shares its name takes an explicit {@code @Schema(name = ...)}.
 */
final class UniqueSchemaNames implements ModelConverter {

    private static final String REF = "#/components/schemas/";

    private final Map<String, Class<?>> owners = new ConcurrentHashMap<>();

    /** The type of ours a schema of the document was read from. */
    Optional<Class<?>> typeNamed(String name) {
        return Optional.ofNullable(owners.get(name));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        String name = schema.get$ref() != null && schema.get$ref().startsWith(REF)
                ? schema.get$ref().substring(REF.length()) : schema.getName();
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (name != null && raw.getName().startsWith("com.firmos.")) {
            Class<?> owner = owners.putIfAbsent(name, raw);
            if (owner != null && owner != raw) {
                throw new IllegalStateException("two types would share the schema name " + name + ": "
                        + owner.getName() + " and " + raw.getName() + "; give one a @Schema(name = ...)");
            }
        }
        return schema;
    }
}
