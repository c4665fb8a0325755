package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.TestDatabase;

/**
 * Eight writers append while other sessions take a global index and hold their transaction open: one until the
 * projections have applied later events, then commits (well within the gap timeout), and one until the database
 * ends it, which must happen within the gap timeout. Every event in the table is applied by the projections, and no
 * other, each timeline entry at its own event's global index (the test context runs a gap timeout of 20 s and an
 * idle-in-transaction timeout of 3 s; production 60 s and 30 s).
 */
class NoSkippedEventsTest extends IntegrationTest {

    @Value("${firmos.event-store.gap-timeout}")
    private Duration gapTimeout;

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

        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> hold(lateActivity,
                "later events applied", gapTimeout.dividedBy(2), held -> appliedAfter(held.index())));
        CompletableFuture<Void> never = CompletableFuture.runAsync(() -> hold(neverActivity,
                "the database ended the idle transaction", gapTimeout, held -> ended(held.session())));
        late.join();
        assertThatThrownBy(never::join).hasRootCauseInstanceOf(SQLException.class);
        writing.set(false);
        load.forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied(all))
                .as("the timeline applied exactly the stored events").isEqualTo(stored(all)));
        assertThat(positions(all)).as("each entry at its event's own global index").isEqualTo(indexes(all));
        assertThat(eventCount(lateActivity)).isEqualTo(3);
        assertThat(eventCount(neverActivity)).isEqualTo(2);
        assertThat(stored(all)).hasSizeGreaterThan(20);
    }

    /** A transaction held open: its session's process id and the global index its event took. */
    private record Held(long session, long index) {
    }

    /**
     * Stores a copy of the activity's status change as its third event, then idles in the transaction until
     * {@code released} holds, within {@code bound}, and commits.
     */
    private void hold(String activity, String release, Duration bound, Predicate<Held> released) {
        TestDatabase database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password())) {
            connection.setAutoCommit(false);
            Held held = new Held(session(connection), insert(connection, activity));
            // Idle, as a stalled writer is: any statement on this session would reset the database's idle clock.
            await(release).atMost(bound).until(() -> released.test(held));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long session(Connection connection) throws SQLException {
        try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()")) {
            return single(pid);
        }
    }

    /** The global index the copy took. */
    private static long insert(Connection connection, String activity) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                    sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                SELECT nextval('domain_event_entry_seq'), ?, aggregate_identifier, 2, type, payload_type,
                    payload_revision, payload, meta_data,
                    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1
                RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, activity);
            return single(insert);
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The projections have passed the index: they applied a later event while it was not committed. */
    private boolean appliedAfter(long index) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM timeline_entry WHERE global_position > :index)")
                .param("index", index).query(Boolean.class).single();
    }

    private boolean ended(long session) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = :pid)")
                .param("pid", session).query(Boolean.class).single();
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
