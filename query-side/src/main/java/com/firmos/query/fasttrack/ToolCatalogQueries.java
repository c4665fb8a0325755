package com.firmos.query.fasttrack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.FindToolCatalogQuery;
import com.firmos.api.messages.fasttrack.ToolCatalogView;
import com.firmos.api.messages.fasttrack.ToolDefinition;

import tools.jackson.databind.ObjectMapper;

/** The tool catalog as front ends render it, read once from {@code firmos/fast-track/tools.json}. */
@Component
public class ToolCatalogQueries {

    private static final String RESOURCE = "firmos/fast-track/tools.json";

    private record Catalog(List<ToolDefinition> tools) {
    }

    private final List<ToolDefinition> tools;
    private final Map<String, ToolDefinition> bySlug;

    ToolCatalogQueries(ObjectMapper json) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            tools = List.copyOf(json.readValue(in, Catalog.class).tools());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bySlug = tools.stream().collect(Collectors.toMap(ToolDefinition::slug, Function.identity()));
    }

    @QueryHandler
    ToolCatalogView handle(FindToolCatalogQuery query) {
        return new ToolCatalogView(tools);
    }

    List<ToolDefinition> tools() {
        return tools;
    }

    ToolDefinition tool(String slug) {
        ToolDefinition tool = bySlug.get(slug);
        if (tool == null) {
            throw new IllegalArgumentException("no Fast Track tool " + slug);
        }
        return tool;
    }

    /** The tool's read schema; built only from the catalog, never from a request, so it is safe in SQL. */
    String schemaOf(String slug) {
        ToolDefinition tool = tool(slug);
        return "sprint_%02d_%s".formatted(tool.sprint(), tool.slug());
    }
}
