package com.firmos.query.fasttrack;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/** A document's free-form data read back as it was written: as doubles, 999999999999.9997 was 9.999999999999998E11. */
final class FreeFormData {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectReader reader;

    FreeFormData(ObjectMapper json) {
        this.reader = json.readerFor(OBJECT).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    Map<String, Object> read(String text) {
        return reader.readValue(text);
    }
}
