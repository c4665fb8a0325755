package com.firmos.rest.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.ObjectMapper;

/** Writes a streamed answer one JSON value per line, each sent at once so that progress arrives as it happens. */
public final class JsonLines {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private final OutputStream out;
    private final ObjectMapper json;

    public JsonLines(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    public void write(Object value) {
        try {
            out.write(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the client went away before the answer was complete", e);
        }
    }
}
