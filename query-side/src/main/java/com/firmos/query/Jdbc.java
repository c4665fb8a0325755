package com.firmos.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/** Conversions between Java values and the PostgreSQL driver that every projector needs. */
public final class Jdbc {

    private Jdbc() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** For {@code = ANY(CAST(:ids AS uuid[]))} or {@code text[]}: the driver takes text arrays everywhere. */
    public static String[] textArray(Collection<?> values) {
        return values == null ? new String[0] : values.stream().map(String::valueOf).toArray(String[]::new);
    }
}
