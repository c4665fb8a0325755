package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Eventually;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.TestDatabase;

/**
 * Eight writers append while other sessions take a global index and hold their transaction open: one for less than
 * the gap timeout, which commits late, and one for longer, which the database ends first. Every event in the table
 * is applied by the projections, and no other, each timeline entry at its own event's global index (the test context
 * runs a gap timeout of 20 s and an idle-in-transaction timeout of 3 s; production 60 s and 30 s).
 */
class NoSkippedEventsTest extends IntegrationTest {

    @Test
    void everyStoredEventIsAppliedAlthoughTransactionsCommitLateOrNever() throws Exception {
        String writerToken = admin();
        Playbook writers = new Playbook(api, writerToken);
        List<String> activities = IntStream.range(0, 8).mapToObj(n -> writers.activity("Writer " + n)).toList();
        Playbook holders = new Playbook(api, token(otherTenant, "admin"));
        String lateActivity = holders.activity("Late");
        String neverActivity = holders.activity("Never");
        for (String held : List.of(lateActivity, neverActivity)) {
            api.post("/api/v1/activities/" + held + "/status", token(otherTenant, "admin"),
                    "{\"status\": \"in_progress\"}");
        }
        List<String> all = new ArrayList<>(activities);
        all.addAll(List.of(lateActivity, neverActivity));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> load = activities.stream().map(activity -> CompletableFuture.runAsync(() -> {
            for (int n = 0; writing.get(); n++) {
                api.post("/api/v1/activities/" + activity + "/status", writerToken,
                        "{\"status\": \"" + (n % 2 == 0 ? "in_progress" : "planned") + "\"}");
            }
        })).toList();

        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> hold(lateActivity, Duration.ofMillis(1500)));
        CompletableFuture<Void> never = CompletableFuture.runAsync(() -> hold(neverActivity, Duration.ofSeconds(21)));
        late.join();
        assertThatThrownBy(never::join).hasRootCauseInstanceOf(SQLException.class);
        writing.set(false);
        load.forEach(CompletableFuture::join);

        Eventually.within(Duration.ofSeconds(30), () -> applied(all).equals(stored(all)));
        assertThat(applied(all)).as("the timeline applied exactly the stored events").isEqualTo(stored(all));
        assertThat(positions(all)).as("each entry at its event's own global index").isEqualTo(indexes(all));
        assertThat(eventCount(lateActivity)).isEqualTo(3);
        assertThat(eventCount(neverActivity)).isEqualTo(2);
        assertThat(stored(all)).hasSizeGreaterThan(20);
    }

    /** Stores a copy of the activity's status change as its third event, idling in the transaction before commit. */
    private void hold(String activity, Duration idle) {
        TestDatabase database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                    SELECT nextval('domain_event_entry_seq'), ?, aggregate_identifier, 2, type, payload_type,
                        payload_revision, payload, meta_data,
                        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                    FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, activity);
                insert.executeUpdate();
            }
            // Idle, as a stalled writer is: any statement here would reset the database's idle clock.
            Thread.sleep(idle);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> stored(List<String> activities) {
        return jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier IN (:ids)"
                + " ORDER BY 1").param("ids", activities).query(String.class).list();
    }

    private List<Long> indexes(List<String> activities) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier IN (:ids) ORDER BY 1")
                .param("ids", activities).query(Long.class).list();
    }

    private List<Long> positions(List<String> activities) {
        return jdbc.sql("SELECT global_position FROM timeline_entry WHERE entity_id IN (:ids) ORDER BY 1")
                .param("ids", activities).query(Long.class).list();
    }

    private List<String> applied(List<String> activities) {
        return jdbc.sql("SELECT event_id FROM timeline_entry WHERE entity_id IN (:ids) ORDER BY 1")
                .param("ids", activities).query(String.class).list();
    }
}
