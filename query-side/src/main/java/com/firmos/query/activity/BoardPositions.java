package com.firmos.query.activity;

import static com.firmos.query.WireValues.wire;

import java.util.OptionalInt;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.TimeBucket;

/**
 * Keeps each bucket of a board numbered 0..n-1. Leaving a position closes its gap, taking one opens it, and a
 * requested position past the end means the end. The planning view handles one engagement's events in order
 * ({@code ScopeSequencingPolicy} by engagement), so concurrent moves resolve in event order and never collide.
 */
@Component
class BoardPositions {

    private final JdbcClient jdbc;

    BoardPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens a slot for a new card and returns its position, or nothing when the card is on the board already (a
     * redelivered creation). One query asks both, and a card added at the end moves no other.
     */
    OptionalInt openSlotForNew(String organization, UUID id, UUID engagement, TimeBucket bucket, Integer requested) {
        long[] found = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM planning_activity WHERE organization_id = :org AND id = :id),
                    (SELECT count(*) FROM planning_activity
                     WHERE organization_id = :org AND engagement_id = :engagement AND time_bucket = :bucket)""")
                .param("org", organization).param("id", id).param("engagement", engagement)
                .param("bucket", wire(bucket))
                .query((rs, row) -> new long[] {rs.getBoolean(1) ? 1 : 0, rs.getLong(2)}).single();
        if (found[0] == 1) {
            return OptionalInt.empty();
        }
        int count = (int) found[1];
        int position = requested == null ? count : Math.min(requested, count);
        if (position < count) {
            shift(organization, engagement, bucket, null, position);
        }
        return OptionalInt.of(position);
    }

    /** Moves an existing card: closes the gap it leaves, then takes a slot in the target bucket. */
    void place(String organization, UUID activityId, TimeBucket bucket, Integer requested) {
        Card card = leave(organization, activityId);
        if (card == null) {
            return;
        }
        int position = openSlot(card.organization(), card.engagement(), bucket, requested, activityId);
        jdbc.sql("""
                UPDATE planning_activity SET time_bucket = :bucket, order_index = :position
                WHERE organization_id = :org AND id = :id""")
                .param("bucket", wire(bucket)).param("position", position).param("org", organization)
                .param("id", activityId)
                .update();
    }

    /** Closes the gap a card leaves when it goes off the board. */
    void remove(String organization, UUID activityId) {
        leave(organization, activityId);
    }

    private Card leave(String organization, UUID activityId) {
        Card card = jdbc.sql("""
                SELECT organization_id, engagement_id, time_bucket, order_index FROM planning_activity
                WHERE organization_id = :org AND id = :id""")
                .param("org", organization).param("id", activityId)
                .query((rs, row) -> new Card(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4)))
                .optional().orElse(null);
        if (card != null) {
            jdbc.sql("""
                    UPDATE planning_activity SET order_index = order_index - 1
                    WHERE organization_id = :org AND engagement_id = :engagement AND time_bucket = :bucket
                      AND order_index > :position AND id <> :id""")
                    .param("org", card.organization()).param("engagement", card.engagement())
                    .param("bucket", card.bucket()).param("position", card.position()).param("id", activityId)
                    .update();
        }
        return card;
    }

    /** Counts and shifts the cards of a bucket, leaving out the card being placed, if any. */
    private int openSlot(String organization, UUID engagement, TimeBucket bucket, Integer requested, UUID moving) {
        String cards = """
                FROM planning_activity
                WHERE organization_id = :org AND engagement_id = :engagement AND time_bucket = :bucket
                  AND id IS DISTINCT FROM CAST(:moving AS uuid)""";
        int count = jdbc.sql("SELECT count(*) " + cards)
                .param("org", organization).param("engagement", engagement).param("bucket", wire(bucket))
                .param("moving", moving)
                .query(Integer.class).single();
        int position = requested == null ? count : Math.min(requested, count);
        // The others are numbered 0..count-1: at the end, none moves.
        if (position < count) {
            shift(organization, engagement, bucket, moving, position);
        }
        return position;
    }

    /** Moves the bucket's cards from {@code position} on one down, leaving out the card being placed, if any. */
    private void shift(String organization, UUID engagement, TimeBucket bucket, UUID moving, int position) {
        jdbc.sql("""
                UPDATE planning_activity SET order_index = order_index + 1
                WHERE organization_id = :org AND engagement_id = :engagement AND time_bucket = :bucket
                  AND id IS DISTINCT FROM CAST(:moving AS uuid) AND order_index >= :position""")
                .param("org", organization).param("engagement", engagement).param("bucket", wire(bucket))
                .param("moving", moving).param("position", position)
                .update();
    }

    private record Card(String organization, UUID engagement, String bucket, int position) {
    }
}
