package com.firmos.platform.projections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.platform.OperationRefusedException;
import com.firmos.platform.deadletter.DeadLetters;
import com.firmos.platform.processing.BulkReplay;
import com.firmos.platform.tokens.ProcessorTokens;

/**
 * Status and rebuild of the event processors. A rebuild stops the processors, resets their tokens (their reset
 * handlers clear their own tables), replays every stored event into all of them in one pass ({@link BulkReplay})
 * and starts them again from where it ended; reads keep answering from the rows as they are rebuilt.
 * Processors whose handlers must not see events twice (sagas, command senders) refuse it. Tokens are reset only
 * while no node holds the processor's segments: with another node running it, the rebuild is refused and this
 * node's processor carries on from where it was.
 */
@Component
public class Projections {

    private static final Logger LOG = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;
    private final DeadLetters deadLetters;
    private final BulkReplay bulk;
    private final ObjectProvider<DeferredIndexes> deferred;
    /** What holds each reserved processor: a rebuild, a bulk catch-up or a shadow's start or switch. */
    private final Map<String, Holder> rebuilding = new HashMap<>();
    private volatile boolean closing;
    /** One rebuild at a time: two would share the two cores and the pool for no gain. */
    private final ExecutorService replays = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("projection-rebuild").daemon().factory());

    Projections(EventProcessingConfiguration processing, EventStore events, JdbcClient jdbc, ProcessorTokens tokens,
            DeadLetters deadLetters, BulkReplay bulk, ObjectProvider<DeferredIndexes> deferred) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.bulk = bulk;
        this.deferred = deferred;
    }

    public List<ProjectionStatus> all() {
        long head = head();
        return processors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> status(entry.getKey(), entry.getValue(), head)).toList();
    }

    public ProjectionStatus one(String name) {
        return status(name, processor(name), head());
    }

    /** Every processor as a tenant's admin sees it: its own events still to apply and its own parked sequences. */
    public List<ProjectionStatus> allForTenant(String organizationId) {
        return forTenant(all(), organizationId);
    }

    public ProjectionStatus oneForTenant(String name, String organizationId) {
        return forTenant(List.of(one(name)), organizationId).getFirst();
    }

    /**
     * The statuses with the tenant's own lag, counted in one index scan for every processor together: counted
     * one by one, an admin's poll during a rebuild scanned the tenant's events behind once per processor.
     */
    private List<ProjectionStatus> forTenant(List<ProjectionStatus> statuses, String organizationId) {
        Map<String, Long> positions = new HashMap<>();
        statuses.stream().filter(status -> status.lag() != 0)
                .forEach(status -> positions.put(status.name(), position(status)));
        List<Long> behind = positions.values().stream().distinct().sorted().toList();
        Map<Long, Long> lags = new HashMap<>();
        if (!behind.isEmpty()) {
            StringBuilder counts = new StringBuilder();
            for (int i = 0; i < behind.size(); i++) {
                counts.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE global_index > :p").append(i)
                        .append(')');
            }
            var query = jdbc.sql("SELECT " + counts + " FROM event_chain"
                    + " WHERE organization_id = :org AND global_index > :p0").param("org", organizationId);
            for (int i = 0; i < behind.size(); i++) {
                query = query.param("p" + i, behind.get(i));
            }
            List<Long> counted = query.query((row, number) -> {
                List<Long> values = new ArrayList<>(behind.size());
                for (int column = 1; column <= behind.size(); column++) {
                    values.add(row.getLong(column));
                }
                return values;
            }).single();
            for (int i = 0; i < behind.size(); i++) {
                lags.put(behind.get(i), counted.get(i));
            }
        }
        return statuses.stream().map(status -> new ProjectionStatus(status.name(), status.running(),
                status.replaying(), status.rebuildable(), status.error(),
                deadLetters.parkedSequences(status.name(), organizationId), null,
                status.lag() == 0 ? 0 : lags.get(positions.get(status.name())), status.progress(), null)).toList();
    }

    /** Where the processor stands: its bulk replay, else its slowest claimed segment, else its stored tokens. */
    private long position(ProjectionStatus status) {
        Optional<Long> replayed = bulk.position(status.name());
        if (replayed.isPresent()) {
            return replayed.get();
        }
        return status.segments().isEmpty() ? slowest(status.name()) : status.segments().stream()
                .map(segment -> segment.position() == null ? -1L : segment.position()).min(Long::compare)
                .orElse(-1L);
    }

    public ProjectionStatus rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw OperationRefusedException.refused("not-rebuildable", name
                    + " cannot be replayed: its handlers act on events rather than build tables");
        }
        rebuild(List.of(processor));
        return one(name);
    }

    public List<ProjectionStatus> rebuildAll() {
        rebuild(processors().values().stream().filter(StreamingEventProcessor::supportsReset)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName)).toList());
        return all();
    }

    /**
     * Stops the processors, resets their tokens (their reset handlers clear their tables), then replays the store
     * into all of them in one pass on a thread of its own, and starts them again from where it ended.
     */
    private void rebuild(List<StreamingEventProcessor> chosen) {
        List<String> names = chosen.stream().map(StreamingEventProcessor::getName).toList();
        reserveOrRefuse(names, Holder.REBUILD);
        List<String> indexes = deferredIndexes(names);
        try {
            chosen.forEach(StreamingEventProcessor::shutDown);
            chosen.forEach(StreamingEventProcessor::resetTokens);
            // The reset emptied the tables: they fill faster without the indexes their handlers never read by.
            indexes.forEach(index -> jdbc.sql("DROP INDEX IF EXISTS " + indexName(index)).update());
            inBulk(chosen, names, "Rebuilt", indexes, false);
        } catch (UnableToClaimTokenException heldElsewhere) {
            finish(chosen, names);
            throw OperationRefusedException.refused("segments-held-elsewhere", String.join(", ", names)
                    + " has segments held by another node; stop that node and rebuild again, or use a shadow"
                    + " rebuild");
        } catch (RuntimeException failed) {
            // Whatever stopped the rebuild before its thread took over, the processors run again, indexed.
            try {
                createIndexes(indexes);
            } finally {
                finish(chosen, names);
            }
            throw failed;
        }
    }

    /**
     * Replays in bulk every projection of this node that stands more than {@code behind} events behind the head
     * (a node started far behind, a large import), on the rebuild thread, then starts them again: processors
     * would apply the same events one unit of work, token update and dead-letter lookup at a time per segment.
     * A processor with a segment held by another node carries on as it was. True when a catch-up started.
     */
    public boolean catchUpInBulk(long behind) {
        long head = head();
        // A processor sharing its segments with another node is left to its processors: it catches up by shares.
        List<StreamingEventProcessor> far = processors().values().stream()
                .filter(processor -> processor.supportsReset() && processor.isRunning())
                .filter(processor -> head - slowest(processor.getName()) > behind)
                .filter(processor -> !tokens.claimedElsewhere(processor.getName()))
                .sorted(Comparator.comparing(StreamingEventProcessor::getName)).toList();
        List<String> names = far.stream().map(StreamingEventProcessor::getName).toList();
        if (far.isEmpty() || reserve(names, Holder.CATCH_UP).isPresent()) {
            return false;
        }
        try {
            far.forEach(StreamingEventProcessor::shutDown);
            LOG.info("{} stand more than {} events behind the head at {}: catching up in bulk", names, behind, head);
            inBulk(far, names, "Caught up", List.of(), true);
            return true;
        } catch (RuntimeException failed) {
            finish(far, names);
            throw failed;
        }
    }

    private void inBulk(List<StreamingEventProcessor> chosen, List<String> names, String done,
            List<String> indexes, boolean catchUp) {
        long head = head();
        replays.execute(() -> {
            try {
                long reached = catchUp ? bulk.catchUp(chosen, head) : bulk.replay(chosen, head);
                long waited = bulk.lastCompleted(names.getFirst()).map(last -> last.yielded().toMillis()).orElse(0L);
                LOG.info("{} {} up to event {}, having waited {} ms in all for this node's reads", done, names,
                        reached, waited);
            } catch (RuntimeException failed) {
                // The processors carry on from the last batch that committed, event by event.
                LOG.error("The bulk replay of {} stopped; the processors carry on from where it got", names, failed);
            } finally {
                try {
                    createIndexes(indexes);
                } finally {
                    finish(chosen, names);
                }
            }
        });
    }

    /**
     * Builds every deferred index that is missing: after a rebuild, and at start-up for one a crash or a stop cut
     * short (the statements say IF NOT EXISTS, so the ones in place cost a catalog lookup).
     */
    public void createMissingIndexes() {
        createIndexes(deferred.orderedStream().flatMap(tables -> tables.deferredIndexes().stream()).toList());
    }

    /** Builds each one even if another fails (a unique one on rows that repeat): the first failure is thrown. */
    private void createIndexes(List<String> indexes) {
        RuntimeException first = null;
        for (String index : indexes) {
            try {
                jdbc.sql(index).update();
            } catch (RuntimeException failed) {
                // Not the database's message: a unique index's names the repeated key's values.
                LOG.error("Could not build the deferred index {} ({})", indexName(index),
                        failed.getClass().getSimpleName());
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<String> deferredIndexes(List<String> names) {
        return deferred.orderedStream().filter(tables -> names.contains(tables.processingGroup()))
                .flatMap(tables -> tables.deferredIndexes().stream()).toList();
    }

    /** The name in {@code CREATE [UNIQUE] INDEX IF NOT EXISTS <name> ON ...}. */
    private static String indexName(String statement) {
        String[] words = statement.strip().replaceFirst("(?i)^CREATE\\s+UNIQUE\\s+", "CREATE ").split("\\s+");
        if (words.length < 7 || !String.join(" ", List.of(words).subList(0, 5)).equalsIgnoreCase(
                "CREATE INDEX IF NOT EXISTS") || !words[6].equalsIgnoreCase("ON")) {
            throw new IllegalStateException("not a CREATE INDEX IF NOT EXISTS <name> ON statement: " + statement);
        }
        return words[5];
    }

    /**
     * Runs {@code work} with the processor reserved as a rebuild reserves it, so that a shadow's switch-over and a
     * rebuild or bulk catch-up never stop, swap and start the same processor at once. Refused while one holds it.
     */
    public <T> T whileReserved(String name, Supplier<T> work) {
        reserveOrRefuse(List.of(name), Holder.SHADOW);
        try {
            return work.get();
        } finally {
            release(List.of(name));
        }
    }

    /** What holds a reservation, as a refusal names it. */
    private enum Holder {
        REBUILD("rebuild-in-progress", "a rebuild"),
        CATCH_UP("rebuild-in-progress", "a bulk catch-up"),
        SHADOW("shadow-switch-in-progress", "a shadow's start or switch-over");

        private final String code;
        private final String what;

        Holder(String code, String what) {
            this.code = code;
            this.what = what;
        }
    }

    /** Refused with what holds the first of the processors another reservation holds, and a code for its kind. */
    private void reserveOrRefuse(List<String> names, Holder holder) {
        reserve(names, holder).ifPresent(held -> {
            throw OperationRefusedException.refused(held.getValue().code, held.getValue().what + " of "
                    + held.getKey() + " is in progress; try again once its status shows it running");
        });
    }

    private void release(List<String> names) {
        synchronized (rebuilding) {
            names.forEach(rebuilding::remove);
        }
    }

    private Optional<Holder> reserved(String name) {
        synchronized (rebuilding) {
            return Optional.ofNullable(rebuilding.get(name));
        }
    }

    /** Reserves every one of the processors, or none; what holds the first one already reserved, if any. */
    private Optional<Map.Entry<String, Holder>> reserve(List<String> names, Holder holder) {
        synchronized (rebuilding) {
            Optional<Map.Entry<String, Holder>> held = names.stream().filter(rebuilding::containsKey).findFirst()
                    .map(name -> Map.entry(name, rebuilding.get(name)));
            if (held.isEmpty()) {
                names.forEach(name -> rebuilding.put(name, holder));
            }
            return held;
        }
    }

    /** Where the processor's slowest segment stands in the token store; -1 before its first event. */
    private long slowest(String name) {
        return tokens.segments(name).stream()
                .mapToLong(segment -> segment.position().map(token -> token.position().orElse(-1L)).orElse(-1L))
                .min().orElse(-1L);
    }

    /** A replay stopped by the node's shutdown leaves its processors stopped: the next start carries on. */
    @PreDestroy
    void close() {
        closing = true;
        replays.shutdownNow();
    }

    private void finish(List<StreamingEventProcessor> chosen, List<String> names) {
        try {
            if (!closing) {
                chosen.forEach(StreamingEventProcessor::start);
            }
        } finally {
            release(names);
        }
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Optional<Long> replayed = bulk.position(name);
        if (replayed.isPresent()) {
            long lag = Math.max(1, head - replayed.get());
            return new ProjectionStatus(name, true, true, true, false, deadLetters.parkedSequences(name), head, lag,
                    progress(replayed.get(), head), List.of());
        }
        if (reserved(name).filter(holder -> holder != Holder.SHADOW).isPresent()) {
            // Before or after its pass (stopping, resetting, building the indexes it dropped, starting again) a
            // rebuild still runs: stopped processors claim no segments, and their tokens may already be at the head.
            long slowest = slowest(name);
            return new ProjectionStatus(name, processor.isRunning(), true, processor.supportsReset(), false,
                    deadLetters.parkedSequences(name), head, Math.max(1, head - slowest), progress(slowest, head),
                    List.of());
        }
        Map<Integer, String> owners = tokens.owners(processor.getName());
        List<ProjectionStatus.SegmentStatus> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> segment(status, owners)).toList();
        long slowest = segments.stream().map(ProjectionStatus.SegmentStatus::position)
                .map(position -> position == null ? -1L : position).min(Long::compare).orElse(-1L);
        // Right after a start no segment is claimed yet: that is all of the stream still to go, not none of it.
        boolean behind = segments.isEmpty() || segments.stream().anyMatch(segment -> !segment.caughtUp());
        long lag = segments.isEmpty() ? head + 1 : Math.max(behind ? 1 : 0, head - slowest);
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), processor.supportsReset(),
                processor.isError() || segments.stream().anyMatch(segment -> segment.error() != null),
                deadLetters.parkedSequences(name), head, lag, lag == 0 ? 100 : progress(slowest, head), segments);
    }

    /** The share of the stream up to {@code position}, below 100 while anything is left to apply. */
    private static int progress(long position, long head) {
        return head <= 0 ? 0 : (int) Math.min(99, Math.max(0, position * 100 / head));
    }

    private static ProjectionStatus.SegmentStatus segment(EventTrackerStatus status, Map<Integer, String> owners) {
        int id = status.getSegment().getSegmentId();
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        String error = status.isErrorState() ? String.valueOf(status.getError()) : null;
        return new ProjectionStatus.SegmentStatus(id, position, owners.get(id), status.isCaughtUp(),
                status.isReplaying(), error);
    }

    private long head() {
        return Optional.ofNullable(events.createHeadToken()).map(token -> token.position().orElse(-1L)).orElse(-1L);
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new HashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor it) {
                streaming.put(name, it);
            }
        });
        return streaming;
    }

    private StreamingEventProcessor processor(String name) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            throw OperationRefusedException.notFound("event processor " + name);
        }
        return processor;
    }
}
