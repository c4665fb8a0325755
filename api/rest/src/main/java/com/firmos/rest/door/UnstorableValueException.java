package com.firmos.rest.door;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A value in a request body that the read side could not store; Jackson adds the path to it as it unwinds. */
public class UnstorableValueException extends InvalidFormatException {

    private final String rule;

    UnstorableValueException(JsonParser parser, String rule, Object value, Class<?> type) {
        super(parser, rule, value, type);
        this.rule = rule;
    }

    /** What the value must be, to follow the field's name: "must be a date or time in the years 1 to 9999". */
    public String rule() {
        return rule;
    }
}
