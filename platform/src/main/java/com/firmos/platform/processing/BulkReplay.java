package com.firmos.platform.processing;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.platform.eventstore.StoredEvents;
import com.firmos.platform.tokens.ProcessorTokens;

/**
 * Applies a stretch of the stored events to several stopped processors in one pass: each batch is read once, its
 * payloads deserialized once, and every processor's handlers applied to it in one transaction that also moves
 * every segment's token, so a crash resumes after the last batch committed. Axon's own processors cost every
 * event a unit of work, a token update and a dead-letter lookup per processor and segment (docs/BENCHMARKS.md).
 *
 * <p>A failed batch is rolled back and run again carefully: each handler in a savepoint, a failing event parked in
 * its processor's dead-letter queue, and every later event of a parked sequence parked behind it, as the
 * processor itself would.
 */
@Component
public class BulkReplay {

    private static final Logger LOG = LoggerFactory.getLogger(BulkReplay.class);
    /** Axon's own bound on how far behind a gap may stay before it is given up (the JPA storage engine's). */
    private static final int MAX_GAP_OFFSET = 10_000;
    /**
     * How many batches a rebuild may have in flight, its fastest parts ahead of its slowest: each batch's events
     * stay in memory until every part is done with it, so a pass holds these and the next one being read. A
     * catch-up has one, so that it waits for reads between batches with none running.
     */
    private static final int REBUILD_AHEAD = 4;

    private final StoredEvents events;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final int batchSize;
    private final int lanes;
    private final int catchUpLanes;
    private final ProcessorWorkers workers;
    private final int connections;
    private final ForegroundReads reads;
    private final ProcessorTokens tokenRows;
    private final Duration yieldToReads;
    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private final Map<String, Completed> completed = new ConcurrentHashMap<>();

    BulkReplay(StoredEvents events, EventProcessingConfiguration processing, PlatformTransactionManager transactions,
            DataSource dataSource, JdbcClient jdbc,
            @Value("${firmos.projections.bulk-batch-size:1000}") int batchSize,
            @Value("${firmos.projections.bulk-lanes:0}") int lanes,
            @Value("${firmos.projections.bulk-catch-up.lanes:0}") int catchUpLanes, ProcessorWorkers workers,
            @Value("${firmos.projections.bulk-connections:2}") int connections, ForegroundReads reads,
            @Value("${firmos.projections.bulk-catch-up.yield-to-reads:PT0.25S}") Duration yieldToReads,
            ProcessorTokens tokenRows) {
        this.events = events;
        this.tokenRows = tokenRows;
        this.reads = reads;
        if (yieldToReads.isNegative() || yieldToReads.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("firmos.projections.bulk-catch-up.yield-to-reads must be from PT0S to"
                    + " PT1M, not " + yieldToReads);
        }
        this.yieldToReads = yieldToReads;
        this.workers = workers;
        this.connections = connections;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.processing = processing;
        this.transactions = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
        // One lane per core unless set: each lane keeps a PostgreSQL backend busy, which is where a replay waits.
        int cores = Runtime.getRuntime().availableProcessors();
        this.lanes = lanes > 0 ? lanes : Math.max(1, cores);
        // A catch-up runs while the node serves requests: half the cores leave the rest a core to wake up on.
        this.catchUpLanes = catchUpLanes > 0 ? catchUpLanes : Math.max(1, cores / 2);
    }

    /**
     * Whether the calling handler runs in a bulk replay, where every event's tracking token stands at the event's
     * own global index (a processor's token is its highest index seen, another event's for a gap filled late).
     */
    public static boolean tokensAreOwnPositions() {
        return BulkBatch.replaying();
    }

    /**
     * Whether the calling handler runs in a rebuild's pass ({@link #replay}): its tables were emptied by their reset
     * and their deferred indexes dropped, unique ones too, and every event comes once (a failed batch is rolled
     * back before it runs again), so an insert needs no check against what is there.
     */
    public static boolean intoEmptiedTables() {
        return BulkBatch.emptied();
    }

    /**
     * What a processor's last bulk replay on this node reached, applied and parked, and how long it waited in all
     * for this node's reads before its batches (a catch-up's only).
     */
    public record Completed(long reached, long applied, long parked, Instant at, Duration yielded) {
    }

    /** The last bulk replay of the processor that ran to its end on this node, if any. */
    public Optional<Completed> lastCompleted(String processor) {
        return Optional.ofNullable(completed.get(processor));
    }

    /** Whether any processor is being replayed in bulk on this node now. */
    public boolean running() {
        return !positions.isEmpty();
    }

    /** Where a processor that is being replayed in bulk stands now, if it is. */
    public Optional<Long> position(String processor) {
        return Optional.ofNullable(positions.get(processor));
    }

    /**
     * Applies the events up to {@code upTo} to the processors, which must not be running on this node and must
     * have been reset, their tables emptied and deferred indexes dropped (an operator's rebuild; {@link
     * #intoEmptiedTables}), each from where its slowest segment stands (after a reset, the first event), and
     * leaves every segment's token at the last event applied; an event its own segment had applied before is
     * skipped. Every segment is claimed for the whole replay: a node that holds one makes it fail before any event
     * is applied. Returns the index reached.
     * Runs in {@code firmos.projections.bulk-lanes}, as many as the connection budget lets it ({@link #lanesWithin}).
     */
    public long replay(List<StreamingEventProcessor> processors, long upTo) {
        return replay(processors, upTo, lanes, Duration.ZERO, true, REBUILD_AHEAD);
    }

    /**
     * {@link #replay} in {@code firmos.projections.bulk-catch-up.lanes}, half the cores unless set: a catch-up
     * runs by itself while the node answers requests, and each lane keeps a core busy with its PostgreSQL backend.
     * Before each batch it waits for the reads running on this node to end ({@link ForegroundReads}), at most
     * {@code firmos.projections.bulk-catch-up.yield-to-reads}: a dashboard then shares the cores with one batch at
     * most instead of with the whole catch-up. An operator's rebuild does not wait: it was asked for now.
     */
    public long catchUp(List<StreamingEventProcessor> processors, long upTo) {
        return replay(processors, upTo, catchUpLanes, yieldToReads, false, 1);
    }

    /**
     * The pooled connections a pass may hold beyond those its stopped processors gave back
     * ({@code firmos.projections.bulk-connections}): the connection budget counts them, and the lanes fit in them.
     */
    public int extraConnections() {
        return connections;
    }

    /**
     * How many lanes a pass runs: as many as asked, as long as they and the reader (a connection each) fit in the
     * connections of the processors it stopped and its own extra ones, so a rebuild never takes a request's place.
     */
    static int lanesWithin(int wanted, int freed, int extra) {
        int lanes = Math.min(wanted, freed + extra - 1);
        if (lanes < 1) {
            throw new IllegalStateException("a bulk pass needs a connection for a lane and one for its reader: "
                    + freed + " stopped worker threads and " + extra + " of firmos.projections.bulk-connections");
        }
        return lanes;
    }

    /**
     * A part is a transaction and a token write per segment each batch: a processor is split only when there are
     * fewer processors than lanes to keep busy.
     */
    static int partsPerProcessor(int lanes, int processors) {
        return Math.ceilDiv(lanes, Math.max(1, processors));
    }

    private long replay(List<StreamingEventProcessor> processors, long upTo, int wanted, Duration yielding,
            boolean emptied, int ahead) {
        Map<String, Integer> threads = workers.byProcessor();
        int freed = processors.stream().mapToInt(processor -> threads.getOrDefault(processor.getName(), 0)).sum();
        int lanes = lanesWithin(wanted, freed, connections);
        if (lanes < wanted) {
            LOG.info("A bulk pass of {} runs in {} lanes of the {} asked for: its lanes and reader hold at most the"
                    + " connections of the {} worker threads it stopped and {} of firmos.projections.bulk-connections",
                    processors.stream().map(StreamingEventProcessor::getName).toList(), lanes, wanted, freed,
                    connections);
        }
        List<Target> targets = processors.stream().map(this::target).toList();
        transactions.executeWithoutResult(status -> targets.forEach(Target::claim));
        long after = targets.stream().mapToLong(target -> target.after).min().orElse(upTo);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(after, List.of());
        targets.forEach(target -> positions.put(target.name, target.after));
        int split = partsPerProcessor(lanes, targets.size());
        List<Part> parts = targets.stream().flatMap(target -> target.parts(split).stream()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(lanes, parts.size()),
                Thread.ofPlatform().name("bulk-lane-", 0).daemon().factory());
        try {
            List<TrackedEventMessage<?>> batch = token.getIndex() < upTo
                    ? events.inGlobalOrder(token.getIndex(), upTo, batchSize) : List.of();
            long yielded = 0;
            Deque<Submitted> inFlight = new ArrayDeque<>();
            while (!batch.isEmpty()) {
                GapAwareTrackingToken reached = advance(token, batch);
                if (yielding.isPositive()) {
                    yielded += reads.awaitQuiet(yielding).toNanos();
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("the bulk replay was interrupted");
                    }
                }
                inFlight.add(new Submitted(reached, submit(pool, parts, batch, reached, emptied)));
                // The next batch is read while the lanes apply this one: the read is a round trip of its own.
                List<TrackedEventMessage<?>> next = reached.getIndex() < upTo
                        ? events.inGlobalOrder(reached.getIndex(), upTo, batchSize) : List.of();
                while (inFlight.size() >= ahead) {
                    settle(inFlight, targets);
                }
                token = reached;
                batch = next;
            }
            while (!inFlight.isEmpty()) {
                settle(inFlight, targets);
            }
            Instant at = Instant.now();
            for (Target target : targets) {
                completed.put(target.name, new Completed(token.getIndex(), target.appliedEvents.get(),
                        target.parkedEvents.get(), at, Duration.ofNanos(yielded)));
            }
            return token.getIndex();
        } finally {
            // Every lane stops before the claims go: a lane that committed after them would write a batch that the
            // processors, started again on this node, apply once more. Batches not begun yet never run.
            pool.shutdownNow();
            pool.close();
            targets.forEach(target -> positions.remove(target.name));
            transactions.executeWithoutResult(status -> targets.forEach(Target::release));
        }
    }

    /** A batch handed to the lanes: where it reaches, and each part's run of it. */
    record Submitted(GapAwareTrackingToken reached, List<CompletableFuture<Void>> parts) {
    }

    /**
     * Hands the batch's parts to the lanes, each after its own part of the batch before, the slowest of the last
     * batch first: a part does not wait for the other parts of the batch before to end, so a lane that is done
     * with its share goes on with the next batch instead of waiting for the slowest one.
     */
    private List<CompletableFuture<Void>> submit(ExecutorService pool, List<Part> parts,
            List<TrackedEventMessage<?>> batch, GapAwareTrackingToken reached, boolean emptied) {
        List<CompletableFuture<Void>> running = new ArrayList<>(parts.size());
        for (Part part : parts.stream().sorted(Comparator.comparingLong((Part part) -> part.lastNanos).reversed())
                .toList()) {
            part.tail = after(part.tail, () -> apply(part, batch, reached, emptied), pool);
            running.add(part.tail);
        }
        return running;
    }

    /** {@link #settleOldest}, then the processors' positions move to the batch it took off. */
    private void settle(Deque<Submitted> inFlight, List<Target> targets) {
        Submitted oldest = settleOldest(inFlight);
        for (Target target : targets) {
            positions.put(target.name, oldest.reached().getIndex());
        }
    }

    /** A part's run of a batch, after its run of the batch before: one that failed does not run this one. */
    static CompletableFuture<Void> after(CompletableFuture<Void> tail, Runnable batch, ExecutorService lanes) {
        return tail.thenRunAsync(batch, lanes);
    }

    /**
     * Waits for the oldest batch in flight to end in every part and takes it off; if a part failed, waits for
     * every batch in flight to end too (none runs on unseen) and throws the first failure, the later ones
     * suppressed in it.
     */
    static Submitted settleOldest(Deque<Submitted> inFlight) {
        Submitted oldest = inFlight.peek();
        RuntimeException failure = awaitAll(oldest.parts());
        if (failure != null) {
            for (Submitted later : inFlight) {
                RuntimeException also = awaitAll(later.parts());
                if (also != null && also != failure) {
                    failure.addSuppressed(also);
                }
            }
            throw failure;
        }
        return inFlight.poll();
    }

    private static RuntimeException awaitAll(List<CompletableFuture<Void>> running) {
        RuntimeException failure = null;
        for (CompletableFuture<Void> part : running) {
            try {
                part.get();
            } catch (ExecutionException failed) {
                failure = failure != null ? failure : failed.getCause() instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(failed.getCause());
            } catch (InterruptedException interrupted) {
                // The lanes are stopped and awaited where the replay ends, before its claims are released.
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the bulk replay was interrupted", interrupted);
            }
        }
        return failure;
    }

    /**
     * One part's share of a batch in a transaction of its own that also moves its segments' tokens: parts write
     * disjoint sequences, so they neither wait for each other nor need to commit together. The commit does not
     * wait for the WAL flush: a crash may lose the last batches, but their tokens with them, so they run again.
     */
    private void apply(Part part, List<TrackedEventMessage<?>> batch, GapAwareTrackingToken reached,
            boolean emptied) {
        long started = System.nanoTime();
        BulkBatch.asReplayed(emptied, () -> {
            try {
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
                    BulkBatch.run(dataSource,
                            () -> SavepointPerEvent.withoutSavepoints(() -> part.apply(batch, false)));
                    part.store(reached);
                });
                part.committed();
            } catch (RuntimeException failed) {
                // A commit whose answer was lost may have stored the batch: its tokens say so, and a rebuild's
                // inserts into emptied tables check nothing, so running it again would write its rows twice.
                if (Boolean.TRUE.equals(transactions.execute(status -> part.stored(reached)))) {
                    LOG.warn("A bulk batch of {} up to {} failed ({}) after it was stored; it does not run again",
                            part.target.name, reached.getIndex(), failed.getClass().getSimpleName());
                    part.committed();
                    return;
                }
                // The message names the statement and the database's reason (no values): a set write that fails
                // on every batch doubles the pass's cost, and this line is how an operator sees it.
                LOG.warn("A bulk batch of {} up to {} failed ({}: {}); it runs again with a savepoint per handler",
                        part.target.name, reached.getIndex(), failed.getClass().getSimpleName(),
                        reason(failed));
                transactions.executeWithoutResult(status -> {
                    part.apply(batch, true);
                    part.store(reached);
                });
                part.committed();
            }
        });
        part.lastNanos = System.nanoTime() - started;
    }

    /**
     * The database's SQL state and which set write failed, if one did: never the database's message, which may
     * quote a row's values.
     */
    private static String reason(Throwable failed) {
        String state = "no SQL state";
        String write = "";
        for (Throwable cause = failed; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                state = sql.getSQLState() == null ? state : "SQL state " + sql.getSQLState();
                if (sql.getMessage() != null && sql.getMessage().startsWith(DeferredWrites.SET_WRITE_FAILED)) {
                    write = ", " + sql.getMessage().substring(0, Math.min(160, sql.getMessage().length()));
                }
            }
        }
        return state + write;
    }

    private static GapAwareTrackingToken advance(GapAwareTrackingToken token, List<TrackedEventMessage<?>> batch) {
        GapAwareTrackingToken reached = token;
        for (TrackedEventMessage<?> event : batch) {
            long position = event.trackingToken().position().orElseThrow();
            // From the first event, no gap below the store's first index, as Axon starts a new processor.
            reached = reached.getIndex() < 0 ? GapAwareTrackingToken.newInstance(position, List.of())
                    : reached.advanceTo(position, MAX_GAP_OFFSET);
        }
        return reached;
    }

    private Target target(StreamingEventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            throw new IllegalStateException(processor.getName() + " has no handlers a bulk replay can call");
        }
        String name = processor.getName();
        TokenStore tokens = processing.tokenStore(name);
        // The sequences parked before the replay, read once: asking the queue per event costs a query each.
        Set<String> parkedBefore = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT sequence_identifier FROM dead_letter_entry WHERE processing_group = :group""")
                .param("group", name).query(String.class).list());
        return new Target(name, handlers(name, abstractProcessor.eventHandlerInvoker()),
                processing.sequencingPolicy(name), processing.deadLetterQueue(name), tokens,
                tokenRows, tokens.fetchSegments(name), parkedBefore);
    }

    private static List<EventMessageHandler> handlers(String processor, EventHandlerInvoker invoker) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers();
        }
        if (invoker instanceof MultiEventHandlerInvoker multiple) {
            return multiple.delegates().stream().flatMap(delegate -> handlers(processor, delegate).stream()).toList();
        }
        throw new IllegalStateException(processor + " has handlers a bulk replay cannot call: " + invoker);
    }

    /**
     * Whether a segment standing at {@code token} has applied the event at {@code position}: at or below its index
     * and not one of its gaps. Not {@link TrackingToken#covers}: that also asks the event's own token to carry the
     * segment's older gaps, which a token read from the store never does, so every event above a gap ran twice.
     */
    static boolean applied(TrackingToken token, long position) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        if (token instanceof MergedTrackingToken merged) {
            // A segment mid-merge has applied what both halves have.
            return applied(merged.lowerSegmentToken(), position) && applied(merged.upperSegmentToken(), position);
        }
        return token.covers(GapAwareTrackingToken.newInstance(position, List.of()));
    }

    /** One processor of the replay: its handlers, how it sequences and parks events, and its segments. */
    private static final class Target {

        private final String name;
        private final List<EventMessageHandler> handlers;
        private final Map<Class<?>, List<EventMessageHandler>> candidates = new ConcurrentHashMap<>();
        private final SequencingPolicy<? super EventMessage<?>> sequencing;
        private final Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue;
        private final TokenStore tokens;
        /** The token rows a part writes in one statement: the store is Axon's JDBC one on {@code token_entry}. */
        private final ProcessorTokens rows;
        private final int[] segments;
        /** Sequences parked during this replay, and (by the queue's key) those parked before it, read at the start. */
        private final Set<Object> parked = ConcurrentHashMap.newKeySet();
        private final Set<String> parkedBefore;
        /** The global index this processor has applied every event up to, and where each segment stood. */
        private long after = -1L;
        private long fastest = -1L;
        private final Map<Segment, TrackingToken> reachedBySegment = new HashMap<>();
        private final AtomicLong appliedEvents = new AtomicLong();
        private final AtomicLong parkedEvents = new AtomicLong();

        private Target(String name, List<EventMessageHandler> handlers,
                SequencingPolicy<? super EventMessage<?>> sequencing,
                Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue, TokenStore tokens,
                ProcessorTokens rows, int[] segments, Set<String> parkedBefore) {
            this.name = name;
            this.handlers = handlers;
            this.sequencing = sequencing;
            this.queue = queue;
            this.tokens = tokens;
            this.rows = rows;
            this.segments = segments;
            this.parkedBefore = parkedBefore;
        }

        /**
         * Claims every segment and starts after the slowest one's last event, or below its oldest gap; each segment
         * then skips the events it had applied itself, so none is applied or parked twice.
         */
        void claim() {
            after = Long.MAX_VALUE;
            for (Segment segment : Segment.computeSegments(segments)) {
                TrackingToken token = tokens.fetchToken(name, segment.getSegmentId());
                if (token instanceof ReplayToken replay) {
                    token = replay.getCurrentToken();
                }
                long position = token == null ? -1L : token.position().orElse(-1L);
                if (token instanceof GapAwareTrackingToken gapAware && gapAware.hasGaps()) {
                    position = gapAware.getGaps().first() - 1;
                }
                after = Math.min(after, position);
                fastest = Math.max(fastest, token == null ? -1L : token.position().orElse(-1L));
                if (token != null) {
                    reachedBySegment.put(segment, token);
                }
            }
        }

        /** Whether the segment this event belongs to had applied it before the replay. */
        private boolean appliedBefore(TrackedEventMessage<?> event, long position) {
            if (position > fastest) {
                return false;
            }
            // Covered, not merely below: an event in one of the segment's gaps committed late and is still to apply.
            int hash = Objects.hashCode(sequenceOf(event));
            return reachedBySegment.entrySet().stream()
                    .anyMatch(segment -> segment.getKey().matches(hash) && applied(segment.getValue(), position));
        }

        void release() {
            for (int segment : segments) {
                tokens.releaseClaim(name, segment);
            }
        }

        /**
         * The handlers that take events of this payload type at all, worked out once per type: asking each of a
         * processor's handlers about every event cost more than the handlers themselves in a rebuild's profile.
         */
        List<EventMessageHandler> candidates(Class<?> payloadType) {
            return candidates.computeIfAbsent(payloadType, type -> handlers.stream()
                    .filter(handler -> handler.canHandleType(type)).toList());
        }

        private boolean isParked(Object sequence) {
            // Keyed as Axon's JPA queue keys a sequence: a string as it is, anything else by its hash code.
            String key = sequence instanceof String text ? text : Integer.toString(sequence.hashCode());
            return parked.contains(sequence) || parkedBefore.contains(key);
        }

        private Object sequenceOf(EventMessage<?> event) {
            Object sequence = sequencing.getSequenceIdentifierFor(event);
            return sequence == null ? event.getIdentifier() : sequence;
        }

        /**
         * The processor's segments dealt out to at most {@code wanted} parts: a sequence lives in one segment, so
         * each part applies its own sequences in order and the parts can run side by side.
         */
        List<Part> parts(int wanted) {
            Segment[] all = Segment.computeSegments(segments);
            int count = Math.max(1, Math.min(wanted, all.length));
            List<List<Segment>> dealt = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                dealt.add(new ArrayList<>());
            }
            for (int i = 0; i < all.length; i++) {
                dealt.get(i % count).add(all[i]);
            }
            return dealt.stream().map(own -> new Part(this, own, count == 1)).toList();
        }
    }

    /** A share of one processor's segments that a lane applies in its own transaction. */
    private static final class Part {

        private final Target target;
        private final List<Segment> own;
        private final boolean whole;
        private long appliedInBatch;
        private long parkedInBatch;
        /** How long the last batch took this part: the slowest parts are handed out first. */
        private volatile long lastNanos;
        /** This part's run of the last batch handed to it: its next batch runs after it. */
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        private Part(Target target, List<Segment> own, boolean whole) {
            this.target = target;
            this.own = own;
            this.whole = whole;
        }

        void store(GapAwareTrackingToken reached) {
            // One statement for the part's segments: Axon's store takes one per segment.
            target.rows.storeClaimed(target.name, own.stream().map(Segment::getSegmentId).toList(), reached);
        }

        /** Whether every segment of this part has stored a token at {@code reached} or beyond. */
        boolean stored(GapAwareTrackingToken reached) {
            for (Segment segment : own) {
                TrackingToken token = target.tokens.fetchToken(target.name, segment.getSegmentId());
                if (token == null || token.position().orElse(-1L) < reached.getIndex()) {
                    return false;
                }
            }
            return true;
        }

        /** Counts a committed batch's events; a batch rolled back and run again is counted once. */
        void committed() {
            target.appliedEvents.addAndGet(appliedInBatch);
            target.parkedEvents.addAndGet(parkedInBatch);
        }

        private boolean mine(EventMessage<?> event) {
            if (whole) {
                return true;
            }
            int hash = Objects.hashCode(target.sequenceOf(event));
            for (Segment segment : own) {
                if (segment.matches(hash)) {
                    return true;
                }
            }
            return false;
        }

        void apply(List<TrackedEventMessage<?>> batch, boolean carefully) {
            appliedInBatch = 0;
            parkedInBatch = 0;
            String name = target.name;
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = target.queue;
            for (TrackedEventMessage<?> event : batch) {
                long position = event.trackingToken().position().orElseThrow();
                if (position <= target.after || target.appliedBefore(event, position)) {
                    continue;
                }
                List<EventMessageHandler> interested = new ArrayList<>(1);
                for (EventMessageHandler handler : target.candidates(event.getPayloadType())) {
                    if (handler.canHandle(event)) {
                        interested.add(handler);
                    }
                }
                if (interested.isEmpty() || !mine(event)) {
                    continue;
                }
                // The sequence is worked out only when something could be parked: most replays park nothing.
                boolean mayBeParked = queue.isPresent()
                        && (!target.parkedBefore.isEmpty() || !target.parked.isEmpty());
                Object sequence = mayBeParked ? target.sequenceOf(event) : null;
                if (mayBeParked && target.isParked(sequence)) {
                    queue.get().enqueue(sequence, new GenericDeadLetter<>(sequence, event));
                    parkedInBatch++;
                    continue;
                }
                try {
                    for (EventMessageHandler handler : interested) {
                        handler.handle(event);
                    }
                    appliedInBatch++;
                } catch (Exception failure) {
                    if (!carefully || queue.isEmpty()) {
                        throw failure instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(name + " failed on event " + event.getIdentifier(),
                                        failure);
                    }
                    Object failed = sequence != null ? sequence : target.sequenceOf(event);
                    LOG.warn("{} parks the sequence of event {} ({})", name, event.getIdentifier(),
                            failure.getClass().getSimpleName());
                    // Truncated as Axon's own policy does: the letter's cause column holds 1,023 characters.
                    queue.get().enqueue(failed, new GenericDeadLetter<>(failed, event,
                            ThrowableCause.truncated(failure)));
                    parkedInBatch++;
                    target.parked.add(failed);
                }
            }
        }
    }
}
