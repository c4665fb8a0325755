package com.firmos.query.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.query.History;
import com.firmos.query.Projection;
import com.firmos.query.ReadClock;

/**
 * The daily health points are the recorder's, not the CRM projector's: recording a day again rewrites that day's
 * point, the CRM reset keeps every point (no replay can recompute what a past day observed), and a rebuilt read
 * model scores a day as the live one did. Each test's tenants are its own.
 */
class HealthHistoryRecorderTest {

    private final ReadClock clock = new ReadClock();
    private final CrmProjector projector = new CrmProjector(Projection.jdbc(), new ExitCriteria(Projection.jdbc()),
            Projection.JSON);
    private final Projection crm = new Projection(List.of("crm_client_health_daily"), List.of(projector));
    // The recorder reads today's inputs only; the deal queries ClientQueries also serves take no part in it.
    private final HealthHistoryRecorder recorder = new HealthHistoryRecorder(new ClientQueries(Projection.jdbc(),
            null, Projection.JSON, clock));

    @Test
    void recordingADayTwiceLeavesOnePointPerClient() {
        History history = history();
        crm.oneAtATime(history.events());
        Instant day = history.now().plus(Duration.ofDays(1));
        record(day);
        var once = crm.rows(history);

        record(day);

        assertThat(crm.rows(history)).isEqualTo(once);
        assertThat(once.get("crm_client_health_daily")).hasSize(4);
        record(day.plus(Duration.ofDays(1)));
        assertThat(crm.rows(history).get("crm_client_health_daily")).hasSize(8);
    }

    @Test
    void theCrmResetKeepsThePointsAndARebuildScoresTheDayAlike() {
        History history = history();
        History other = history();
        crm.oneAtATime(History.interleaved(history, other));
        Instant day = history.now().plus(Duration.ofDays(2));
        record(day);
        var live = crm.rows(history);
        var otherLive = crm.rows(other);

        crm.reset();
        assertThat(crm.rows(history)).isEqualTo(live);
        crm.inBatches(History.interleaved(history, other), 100);
        record(day);

        assertThat(crm.rows(history)).isEqualTo(live);
        assertThat(crm.rows(other)).isEqualTo(otherLive);
    }

    /** The same ids in another tenant: a join that crossed tenants would count the other's people too. */
    @Test
    void eachTenantsPointsScoreItsOwnClients() {
        History history = history();
        crm.oneAtATime(history.events());
        Instant day = history.now().plus(Duration.ofDays(3));
        record(day);
        var alone = crm.rows(history);
        History same = history();

        crm.inBatches(same.events(), Integer.MAX_VALUE);
        record(day);

        assertThat(crm.rows(history)).isEqualTo(alone);
        assertThat(crm.rows(same)).isEqualTo(alone);
    }

    private static History history() {
        History history = new History("org_" + UUID.randomUUID().toString().substring(0, 8), 7L);
        CrmHistory.write(history);
        return history;
    }

    private void record(Instant day) {
        clock.at(day, () -> {
            recorder.recordToday();
            return null;
        });
    }
}
