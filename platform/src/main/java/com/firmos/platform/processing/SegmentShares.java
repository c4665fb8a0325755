package com.firmos.platform.processing;

import java.time.Duration;
import java.util.Map;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.firmos.platform.tokens.ProcessorTokens;

import jakarta.annotation.PreDestroy;

/**
 * How many of a processor's segments this node may hold: an equal share among the nodes beating on this database.
 * Without Axon Server nothing hands segments to a node that joins later: the first node claims every segment and
 * extends its claims for ever. Axon's coordinators ask this provider on every round, release what is above the share
 * (for one claim interval, in which another node claims it) and claim no more than it. A node that dies stops beating
 * within {@code node-expiry}, shorter than the token store's 10 s claim timeout, so by the time its claims lapse
 * every survivor's share already counts without it and they take all of its segments.
 */
@Component
class SegmentShares implements MaxSegmentProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentShares.class);

    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;
    private final Duration expiry;
    private volatile int liveNodes = 1;
    private volatile Map<String, Integer> segments = Map.of();

    SegmentShares(JdbcClient jdbc, ProcessorTokens tokens,
            @Value("${firmos.event-processors.node-expiry:PT6S}") Duration expiry) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.expiry = expiry;
    }

    @Override
    public int getMaxSegments(String processor) {
        Integer count = segments.get(processor);
        if (count == null) {
            // Not initialised yet: whoever gets there first creates the segments and takes them all.
            return Short.MAX_VALUE;
        }
        return (count + liveNodes - 1) / liveNodes;
    }

    @Scheduled(fixedDelayString = "${firmos.event-processors.heartbeat:PT2S}", initialDelay = 0)
    void beat() {
        try {
            jdbc.sql("""
                    INSERT INTO processing_node (node_id) VALUES (:node)
                    ON CONFLICT (node_id) DO UPDATE SET beat_at = now()""")
                    .param("node", ProcessorTokens.THIS_NODE).update();
            jdbc.sql("DELETE FROM processing_node WHERE beat_at < now() - interval '1 hour'").update();
            int nodes = jdbc.sql("""
                    SELECT count(*) FROM processing_node WHERE beat_at > now() - :expiry * interval '1 millisecond'""")
                    .param("expiry", expiry.toMillis()).query(Integer.class).single();
            Map<String, Integer> counted = tokens.segmentCounts();
            liveNodes = Math.max(1, nodes);
            segments = Map.copyOf(counted);
        } catch (DataAccessException unavailable) {
            // Shares stay as they were; the coordinators keep what they hold until the database is back.
            LOG.debug("Could not record this node's heartbeat: {}", unavailable.getMostSpecificCause().getMessage());
        }
    }

    /** A node that stops on purpose leaves at once, so the others take its share without waiting for the expiry. */
    @PreDestroy
    void leave() {
        try {
            jdbc.sql("DELETE FROM processing_node WHERE node_id = :node").param("node", ProcessorTokens.THIS_NODE)
                    .update();
        } catch (DataAccessException unavailable) {
            LOG.debug("Could not remove this node's heartbeat: {}", unavailable.getMostSpecificCause().getMessage());
        }
    }
}
