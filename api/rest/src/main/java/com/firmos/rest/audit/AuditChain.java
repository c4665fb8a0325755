package com.firmos.rest.audit;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;

import com.firmos.platform.eventstore.StoredEvent;
import com.firmos.platform.eventstore.StoredEvents;
import com.firmos.platform.eventstore.StoredEvents.ChainHead;
import com.firmos.platform.eventstore.StoredEvents.ChainLink;
import com.firmos.platform.eventstore.StoredEvents.Rows;

/**
 * Verifies a tenant's hash chain against the events as they are stored now, in one snapshot of the database and
 * in constant memory: every link is recomputed here from the row's bytes, in chain order, and the first link
 * that does not hold is reported, then any event of the tenant that never entered the chain.
 */
@Component
public class AuditChain {

    static final int PROGRESS_EVERY = 10_000;
    private static final byte[] GENESIS = new byte[32];

    private final StoredEvents events;

    AuditChain(StoredEvents events) {
        this.events = events;
    }

    /** Reports the number of links checked so far to {@code progress} every {@value #PROGRESS_EVERY} links. */
    public ChainVerification verify(String organizationId, LongConsumer progress) {
        return events.inSnapshot(snapshot -> verify(snapshot, organizationId, progress));
    }

    private static ChainVerification verify(StoredEvents.Snapshot snapshot, String organizationId,
            LongConsumer progress) throws SQLException {
        ChainHead head = snapshot.chainHead(organizationId).orElseGet(() -> new ChainHead(0, GENESIS));
        Walk walk = new Walk(GENESIS, 0, null);
        try (Rows<ChainLink> links = snapshot.chainLinks(organizationId)) {
            while (walk.firstBreak() == null && links.next()) {
                walk = walk.next(links.current());
                if (walk.checked() > 0 && walk.checked() % PROGRESS_EVERY == 0) {
                    progress.accept(walk.checked());
                }
            }
        }
        ChainVerification.Break firstBreak = walk.firstBreak() != null ? walk.firstBreak()
                : walk.checked() != head.position() || !Arrays.equals(walk.previous(), head.hash())
                        ? new ChainVerification.Break("deleted", walk.checked() + 1, null, null, "the chain ends at "
                                + walk.checked() + " but its head was written at " + head.position())
                        : snapshot.firstUnchained(organizationId).map(unchained -> new ChainVerification.Break(
                                "inserted", null, unchained.globalIndex(), unchained.eventIdentifier(),
                                "stored without entering the chain")).orElse(null);
        return new ChainVerification(organizationId, firstBreak == null, walk.checked(), head.position(),
                HexFormat.of().formatHex(head.hash()), firstBreak);
    }

    /** The chain walked so far: the last link recomputed, how many held, and the first that did not. */
    private record Walk(byte[] previous, long checked, ChainVerification.Break firstBreak) {

        Walk next(ChainLink link) {
            if (link.position() != checked + 1) {
                return broken("deleted", checked + 1, null, null,
                        "links " + (checked + 1) + " to " + (link.position() - 1) + " are missing from the chain");
            }
            StoredEvent event = link.event();
            if (event == null) {
                return broken("deleted", link.position(), link.globalIndex(), link.eventIdentifier(),
                        "the event chained here is gone");
            }
            byte[] computed = event.link(previous);
            if (!event.eventIdentifier().equals(link.eventIdentifier()) || !Arrays.equals(computed, link.hash())) {
                return broken("altered", link.position(), link.globalIndex(), event.eventIdentifier(),
                        "the stored event no longer matches its link in the chain");
            }
            return new Walk(computed, link.position(), null);
        }

        private Walk broken(String kind, Long position, Long globalIndex, String eventId, String detail) {
            return new Walk(previous, checked, new ChainVerification.Break(kind, position, globalIndex, eventId,
                    detail));
        }
    }
}
