package com.firmos.platform.processing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projector's write of one row that a bulk batch sends for all its rows in one statement. PostgreSQL spends two
 * thirds of a one-row statement on the statement itself (docs/BENCHMARKS.md), so a batch's rows go in as arrays.
 *
 * <p>The row statement is what every other path runs, with named parameters. The set statement does the same to
 * every row of a run at once, reading them from {@code {rows}}: {@code unnest} of one array per column, aliased
 * {@code r}, with {@code r.ordinal} numbering the rows in the order they came. It must give what the row statement
 * run row after row gives: where two rows may reach one table row, it says which one wins (for example
 * {@code DISTINCT ON (...) ... ORDER BY ..., ordinal DESC}). It reads the tables as they were before it ran, so a
 * row whose outcome depends on the rows before it in its run must count them itself (the planning card's append
 * numbers a bucket's new cards with {@code row_number()}).
 */
public final class SetWrite {

    /** A column of {@code {rows}}: the row statement's parameter of the same name, sent as an array of its type. */
    record Column(String name, String type) {
    }

    private static final Pattern COLUMN = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)\\s+([a-z][a-z0-9]*)\\s*");

    private final String rowSql;
    private final List<Column> columns;
    private final String setSql;

    private SetWrite(String rowSql, List<Column> columns, String setSql) {
        this.rowSql = rowSql;
        this.columns = columns;
        this.setSql = setSql;
    }

    /**
     * {@code columns}: the row statement's parameters as {@code "name type, ..."} in PostgreSQL's type names
     * ({@code text, uuid, int8, bool, timestamptz, date, jsonb, numeric}); every one must be a parameter of
     * {@code rowSql}, and every parameter of {@code rowSql} a column.
     */
    public static SetWrite of(String rowSql, String columns, String setSql) {
        List<Column> parsed = new ArrayList<>();
        for (String column : columns.split(",")) {
            Matcher matcher = COLUMN.matcher(column);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("a column is \"name type\": " + column);
            }
            parsed.add(new Column(matcher.group(1), matcher.group(2)));
        }
        List<String> named = new ArrayList<>();
        Matcher parameter = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)").matcher(rowSql);
        while (parameter.find()) {
            named.add(parameter.group(1));
        }
        List<String> names = parsed.stream().map(Column::name).toList();
        if (!names.containsAll(named) || !named.containsAll(names)) {
            throw new IllegalArgumentException("the columns " + names + " are not the row statement's " + named);
        }
        if (!setSql.contains("{rows}")) {
            throw new IllegalArgumentException("the set statement reads no {rows}");
        }
        StringBuilder rows = new StringBuilder("unnest(");
        for (int i = 0; i < parsed.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(parsed.get(i).type()).append("[])");
        }
        rows.append(") WITH ORDINALITY AS r(");
        parsed.forEach(column -> rows.append(column.name()).append(", "));
        rows.append("ordinal)");
        return new SetWrite(rowSql, List.copyOf(parsed), setSql.replace("{rows}", rows));
    }

    /**
     * Writes the row: in a bulk batch it waits for the batch's other rows of this write ({@link BulkBatch}),
     * anywhere else the row statement runs now. {@code values} holds every column, null where the row has none.
     */
    public void run(JdbcClient jdbc, Map<String, ?> values) {
        for (Column column : columns) {
            if (!values.containsKey(column.name())) {
                throw new IllegalArgumentException("no value for " + column.name() + " of " + rowSql);
            }
        }
        if (!BulkBatch.defer(this, values)) {
            jdbc.sql(rowSql).params(values).update();
        }
    }

    /** The row's values as the set statement sends them, in column order: a value it cannot send fails here. */
    String[] row(Map<String, ?> values) {
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = text(values.get(columns.get(i).name()));
        }
        return row;
    }

    List<Column> columns() {
        return columns;
    }

    /** The set statement with one positional parameter per column, each a text array. */
    String setSql() {
        return setSql;
    }

    /** A value as PostgreSQL's input of its type reads it: the arrays go as text and are cast by the statement. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case UUID id -> id.toString();
            case Number number -> number.toString();
            case Boolean flag -> flag.toString();
            case LocalDate date -> date.toString();
            // Rounded to the microsecond as the JDBC driver rounds the row statement's value (half up): PostgreSQL
            // would round the text's nanoseconds half to even, so a rebuilt time could differ from the live one.
            case OffsetDateTime moment -> moment.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
            case TemporalAccessor other -> throw new IllegalArgumentException("a set write takes OffsetDateTime or"
                    + " LocalDate, not " + other.getClass().getSimpleName());
            default -> throw new IllegalArgumentException("a set write cannot send a "
                    + value.getClass().getSimpleName());
        };
    }
}
