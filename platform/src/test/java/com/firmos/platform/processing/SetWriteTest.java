package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A set write's two statements must name the same columns; what they send is PostgreSQL's input of each type. */
class SetWriteTest {

    private static final String ROW = "UPDATE card SET status = :status WHERE organization_id = :org AND id = :id";

    @Test
    void setStatementReadsOneArrayPerColumnInTheOrderGiven() {
        SetWrite write = SetWrite.of(ROW, "org text, id uuid, status text",
                "UPDATE card c SET status = r.status FROM {rows} WHERE c.organization_id = r.org AND c.id = r.id");

        assertThat(write.setSql()).isEqualTo("UPDATE card c SET status = r.status FROM unnest(CAST(? AS text[]),"
                + " CAST(? AS uuid[]), CAST(? AS text[])) WITH ORDINALITY AS r(org, id, status, ordinal)"
                + " WHERE c.organization_id = r.org AND c.id = r.id");
    }

    @Test
    void cannotNameAColumnTheRowStatementLacks() {
        assertThatThrownBy(() -> SetWrite.of(ROW, "org text, id uuid, status text, title text", "SELECT {rows}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
    }

    @Test
    void cannotLeaveOutAParameterOfTheRowStatement() {
        assertThatThrownBy(() -> SetWrite.of(ROW, "org text, id uuid", "SELECT {rows}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    }

    @Test
    void castsAreNotParameters() {
        SetWrite write = SetWrite.of("INSERT INTO t (v) VALUES (:value::jsonb)", "value jsonb",
                "INSERT INTO t (v) SELECT r.value FROM {rows}");

        assertThat(write.columns()).extracting(SetWrite.Column::name).containsExactly("value");
    }

    @Test
    void cannotWriteASetThatReadsNoRows() {
        assertThatThrownBy(() -> SetWrite.of(ROW, "org text, id uuid, status text", "UPDATE card SET status = 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{rows}");
    }

    @Test
    void cannotRunARowWithoutAValueForEveryColumn() {
        SetWrite write = SetWrite.of(ROW, "org text, id uuid, status text", "SELECT {rows}");
        Map<String, Object> values = new HashMap<>(Map.of("org", "org_a", "id", UUID.randomUUID()));

        assertThatThrownBy(() -> write.run(null, values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value for status");
    }

    @Test
    void sendsEachValueAsTheTextOfItsType() {
        UUID id = UUID.fromString("7fe425db-9f81-a878-2329-1b6507936b7e");

        assertThat(SetWrite.text(id)).isEqualTo("7fe425db-9f81-a878-2329-1b6507936b7e");
        assertThat(SetWrite.text(42L)).isEqualTo("42");
        assertThat(SetWrite.text(true)).isEqualTo("true");
        assertThat(SetWrite.text(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-07");
        assertThat(SetWrite.text(OffsetDateTime.of(2026, 12, 7, 15, 0, 0, 123_456_000, ZoneOffset.UTC)))
                .isEqualTo("2026-12-07T15:00:00.123456Z");
        assertThat(SetWrite.text(null)).isNull();
    }

    @Test
    void roundsAMomentToTheMicrosecondHalfUpAsTheDriverDoes() {
        OffsetDateTime half = OffsetDateTime.of(2026, 12, 7, 15, 0, 0, 123_456_500, ZoneOffset.UTC);

        assertThat(SetWrite.text(half)).isEqualTo("2026-12-07T15:00:00.123457Z");
        assertThat(SetWrite.text(half.minusNanos(1))).isEqualTo("2026-12-07T15:00:00.123456Z");
        // PostgreSQL rounds a text's nanoseconds half to even: .123458500 would be .123458 there, .123459 here.
        assertThat(SetWrite.text(half.plusNanos(2_000))).isEqualTo("2026-12-07T15:00:00.123459Z");
    }

    @Test
    void cannotSendAMomentWithoutItsOffset() {
        assertThatThrownBy(() -> SetWrite.text(Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OffsetDateTime");
    }
}
