package com.firmos.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * What every projector promises, checked against PostgreSQL on a generated history: an event applied twice leaves
 * the rows as once, a rebuild (reset, then replay) gives the live tables back, and batches give the rows that
 * one event at a time gives. Each test works in tenants of its own; the tenant given a second, different history
 * must come out of every test as the first delivery left it.
 */
public abstract class ProjectorContract {

    private static final long SEED = 21L;
    private static final long OTHER_SEED = 2_026L;
    /** The batch size of the application's processors (application.yml). */
    private static final int PROCESSOR_BATCH = 100;
    /** A bulk pass's batch (firmos.projections.bulk-batch-size). */
    private static final int BULK_BATCH = 1_000;

    private final Class<?> projector;
    private final Consumer<History> history;
    private final Supplier<Projection> projection;

    /**
     * {@code projector}: whose handled event types the history covers; {@code history}: writes the history;
     * {@code projection}: the projector's processing group as deployed together, and the tables compared.
     */
    protected ProjectorContract(Class<?> projector, Consumer<History> history, Supplier<Projection> projection) {
        this.projector = projector;
        this.history = history;
        this.projection = projection;
    }

    @Test
    void applyingEveryEventTwiceLeavesTheRowsAsOnce() {
        Given given = referenceDeliveredOneAtATime();
        List<EventMessage<?>> doubled = new ArrayList<>();
        given.sameHistory().events().forEach(event -> {
            doubled.add(event);
            doubled.add(event);
        });
        given.projection().oneAtATime(doubled);

        given.sameHistoryHasTheReferenceRows("after each event came twice in a row");
        given.projection().inBatches(given.sameHistory().events(), PROCESSOR_BATCH);
        given.sameHistoryHasTheReferenceRows("after the whole history came a second time");
        given.otherIsUntouched();
    }

    /**
     * Every reset is tenant-blind, as a replay is: it empties the group's tables for all tenants and the replay
     * rebuilds them all, so both tenants' histories are replayed.
     */
    @Test
    void rebuildEqualsTheLiveTables() {
        Given given = referenceDeliveredOneAtATime();
        Projection projection = given.projection();
        var live = projection.rows(given.reference());

        projection.reset();
        assertThat(projection.rows(given.other()).values()).as("the reset empties every tenant's rows")
                .allMatch(List::isEmpty);
        projection.inBatches(History.interleaved(given.reference(), given.other()), PROCESSOR_BATCH);

        assertThat(projection.rows(given.reference())).isEqualTo(live);
        given.otherIsUntouched();
    }

    @Test
    void batchedEqualsOneEventAtATime() {
        Given given = referenceDeliveredOneAtATime();

        given.projection().inBatches(given.sameHistory().events(), Integer.MAX_VALUE);

        given.sameHistoryHasTheReferenceRows("after one transaction of every event");
        given.otherIsUntouched();
    }

    /**
     * A rebuild's bulk pass, its rows held per batch and sent in set-based statements, gives the same rows: with
     * two tenants' identical histories side by side, so that each statement holds both tenants' rows under the
     * same ids, and with every event twice in a row, so that every statement holds each key twice.
     */
    @Test
    void bulkBatchesEqualOneEventAtATime() {
        Given given = rebuiltInBulkBatches(false);
        Projection projection = given.projection();
        projection.inBulkBatches(given.other().events(), BULK_BATCH);

        given.otherIsUntouched();
        List<EventMessage<?>> doubled = new ArrayList<>();
        given.sameHistory().events().forEach(event -> {
            doubled.add(event);
            doubled.add(event);
        });
        projection.inBulkBatches(doubled, BULK_BATCH);
        given.sameHistoryHasTheReferenceRows("after the same history in bulk batches, each event twice in a row");
        given.otherIsUntouched();
    }

    /**
     * A rebuild's pass into the tables its reset emptied ({@code BulkReplay.intoEmptiedTables}), where an insert
     * may skip the check against rows already there: each event comes once, and the rows are those of one event at
     * a time, for two tenants interleaved.
     */
    @Test
    void aRebuildsBatchesIntoEmptiedTablesEqualOneEventAtATime() {
        rebuiltInBulkBatches(true);
    }

    /**
     * The reference history delivered one event at a time, then reset and replayed in bulk batches interleaved with
     * a twin tenant's: each tenant's rows equal those delivered one at a time.
     */
    private Given rebuiltInBulkBatches(boolean intoEmptiedTables) {
        Given given = referenceDeliveredOneAtATime();
        Projection projection = given.projection();
        var live = projection.rows(given.reference());
        History twin = history(SEED);

        projection.reset();
        projection.inBulkBatches(History.interleaved(given.reference(), twin), BULK_BATCH, intoEmptiedTables);

        assertThat(projection.rows(given.reference())).isEqualTo(live);
        assertThat(projection.rows(twin)).as("the twin tenant's rows").isEqualTo(live);
        return given;
    }

    /** Guards the tests above: a history that skipped an event type or left a table empty proves less. */
    @Test
    void historyCoversEveryHandledEventTypeAndFillsEveryTable() {
        Projection projection = this.projection.get();
        History history = history(SEED);
        projection.oneAtATime(history.events());

        Set<String> appended = history.events().stream().map(event -> event.getPayloadType().getName())
                .collect(Collectors.toSet());
        assertThat(appended).containsAll(handledEventTypes());
        assertThat(projection.rows(history)).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
    }

    private History history(long seed) {
        History generated = new History("org_" + UUID.randomUUID().toString().substring(0, 8), seed);
        history.accept(generated);
        return generated;
    }

    /** A reference tenant and another delivered interleaved, one event at a time; a third tenant gets the same. */
    private Given referenceDeliveredOneAtATime() {
        Projection projection = this.projection.get();
        History reference = history(SEED);
        History other = history(OTHER_SEED);
        projection.oneAtATime(History.interleaved(reference, other));
        return new Given(projection, reference, history(SEED), other, projection.rows(other));
    }

    private record Given(Projection projection, History reference, History sameHistory, History other,
            Map<String, List<Map<String, Object>>> otherRows) {

        void sameHistoryHasTheReferenceRows(String after) {
            assertThat(projection.rows(sameHistory)).as(after).isEqualTo(projection.rows(reference));
        }

        void otherIsUntouched() {
            assertThat(projection.rows(other)).as("the other tenant's rows").isEqualTo(otherRows);
        }
    }

    /** The payload types the projector's handlers take; a handler of every event means every event type. */
    private Set<String> handledEventTypes() {
        Set<String> types = new TreeSet<>();
        for (Method method : projector.getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class)) {
                Class<?> payload = method.getParameterTypes()[0];
                types.addAll(payload == Object.class ? everyEventType() : Set.of(payload.getName()));
            }
        }
        return types;
    }

    private static Set<String> everyEventType() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        return scanner.findCandidateComponents("com.firmos.api.messages").stream()
                .map(BeanDefinition::getBeanClassName).filter(ProjectorContract::isRecord)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isRecord(String className) {
        try {
            return Class.forName(className).isRecord();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
