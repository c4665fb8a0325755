package com.firmos.query;

import java.util.Locale;

/** Enum constants as the read tables and the API spell them: {@code IN_PROGRESS} is stored as {@code in_progress}. */
public final class WireValues {

    private WireValues() {
    }

    public static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        return wire == null ? null : Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    }
}
