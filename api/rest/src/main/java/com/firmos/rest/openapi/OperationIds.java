package com.firmos.rest.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The operationId of every operation, by {@code METHOD path}, from {@code openapi/operation-ids.tsv}. A table and
 * not an annotation, because one handler may serve several paths (the Workbench's and the portal's tools).
 */
record OperationIds(Map<String, String> byOperation) {

    static OperationIds load() {
        Map<String, String> ids = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("openapi/operation-ids.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || ids.containsValue(columns[1]) || ids.put(columns[0], columns[1]) != null) {
                    throw new IllegalStateException("openapi/operation-ids.tsv: a malformed or repeated line: "
                            + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OperationIds(Map.copyOf(ids));
    }

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
