package com.firmos.command.fasttrack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firmos.command.DomainException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The catalog kept as data in {@code firmos/fast-track/tools.json}: adding a tool is an entry there plus the
 * migration that creates its read schema. Schemas are JSON Schema 2020-12 with formats asserted.
 */
@Component
public class JsonSchemaToolCatalog implements ToolCatalog {

    public static final String RESOURCE = "firmos/fast-track/tools.json";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Map<String, Map<String, String>> references = new HashMap<>();
    private final Map<String, Set<String>> childTables = new HashMap<>();

    public JsonSchemaToolCatalog() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (JsonNode tool : read().get("tools")) {
            String slug = tool.get("slug").asText();
            schemas.put(slug, factory.getSchema(tool.get("schema"), config));
            Map<String, String> refs = new HashMap<>();
            tool.get("references").properties().forEach(ref -> refs.put(ref.getKey(), ref.getValue().asText()));
            references.put(slug, Map.copyOf(refs));
            Set<String> children = new HashSet<>();
            tool.get("childTables").forEach(table -> children.add(table.asText()));
            childTables.put(slug, Set.copyOf(children));
        }
    }

    @Override
    public void requireKnown(String toolSlug) {
        if (toolSlug == null || !schemas.containsKey(toolSlug)) {
            throw DomainException.invalid("toolSlug", "toolSlug names no Fast Track tool");
        }
    }

    @Override
    public void validate(String toolSlug, Map<String, Object> data) {
        requireKnown(toolSlug);
        if (data == null) {
            throw DomainException.invalid("data", "data is required");
        }
        List<ValidationMessage> errors = schemas.get(toolSlug).validate(json.valueToTree(data)).stream()
                .sorted(Comparator.comparing(error -> error.getInstanceLocation().toString())).toList();
        if (!errors.isEmpty()) {
            throw DomainException.invalid(field(errors.getFirst().getInstanceLocation().toString()),
                    String.join("; ", errors.stream()
                            .map(error -> field(error.getInstanceLocation().toString()) + " breaks "
                                    + error.getType() + ": " + error.getMessage())
                            .toList()));
        }
    }

    @Override
    public boolean hasChildTable(String toolSlug, String table) {
        requireKnown(toolSlug);
        return childTables.get(toolSlug).contains(table);
    }

    @Override
    public Map<String, String> references(String toolSlug) {
        requireKnown(toolSlug);
        return references.get(toolSlug);
    }

    /** A JSON pointer as the field name the API reports: {@code /kpis/0/name} is {@code data.kpis[0].name}. */
    private static String field(String pointer) {
        StringBuilder field = new StringBuilder("data");
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            field.append(segment.chars().allMatch(Character::isDigit) ? "[" + segment + "]" : "." + segment);
        }
        return field.toString();
    }

    private JsonNode read() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
