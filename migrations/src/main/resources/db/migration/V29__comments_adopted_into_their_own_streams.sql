-- Comments leave their activities' streams for streams of their own (the Comment aggregate), so that an activity no
-- longer loads and snapshots every comment ever written on it. The event store is append-only and hash-chained
-- (V13): nothing stored changes or moves. Each comment still standing gets one new event instead, an
-- ActivityCommentAdoptedEvent with its author and current text, as sequence 0 of its own stream, and the chain
-- trigger links the new rows like any insert.
--
-- A comment's stream is its key, CommentOnActivityCommand.commentKeyOf: the name-based UUID (version 3, as Java's
-- UUID.nameUUIDFromBytes) of 'activity-comment:' || tenant || '/' || activity || '/' || comment id. The payload is
-- put together from the comment's own stored JSON, so each value keeps the bytes the serializer wrote, in the
-- record's order; the metadata names the comment's tenant (from its payload, so the audit chain of that tenant
-- links it even where old metadata lacked one) and no user, for nobody acted.
-- A comment that already has its stream is left alone, so running this again adds nothing.
WITH comment_event AS (
    SELECT e.global_index, e.aggregate_identifier,
           substring(e.payload_type FROM '[^.]+$') AS kind,
           convert_from(e.payload, 'UTF8')::json AS payload,
           convert_from(e.meta_data, 'UTF8')::json AS meta_data
    FROM domain_event_entry e
    WHERE e.type = 'Activity'
      AND e.payload_type IN ('com.firmos.api.messages.activity.ActivityCommentedEvent',
                             'com.firmos.api.messages.activity.ActivityCommentEditedEvent',
                             'com.firmos.api.messages.activity.ActivityCommentDeletedEvent')
),
-- A deleted comment's id could take a new comment: the latest post names the author, the latest post or edit the
-- text, and the latest event of all whether it still stands.
legacy_comment AS (
    SELECT max(global_index) AS last_index,
           (array_agg(kind ORDER BY global_index DESC))[1] AS last_kind,
           (array_agg(meta_data -> 'organizationId' ORDER BY global_index DESC))[1] AS tenant,
           (array_agg(payload ORDER BY global_index DESC)
               FILTER (WHERE kind = 'ActivityCommentedEvent'))[1] AS posted,
           (array_agg(payload -> 'text' ORDER BY global_index DESC)
               FILTER (WHERE kind <> 'ActivityCommentDeletedEvent'))[1] AS current_text
    FROM comment_event
    GROUP BY aggregate_identifier, payload ->> 'commentId'
),
standing AS (
    SELECT last_index, tenant, posted, current_text,
           md5(convert_to('activity-comment:' || (posted ->> 'organizationId') || '/' || (posted ->> 'activityId')
               || '/' || (posted ->> 'commentId'), 'UTF8')) AS digest
    FROM legacy_comment
    WHERE last_kind <> 'ActivityCommentDeletedEvent' AND posted IS NOT NULL
),
-- The digest's version nibble (hex 13) becomes 3 and its variant bits (the two high bits of hex 17) 10.
keyed AS (
    SELECT last_index, tenant, posted, current_text,
           overlay(overlay(digest PLACING '3' FROM 13)
               PLACING substr('89ab', (position(substr(digest, 17, 1) IN '0123456789abcdef') - 1) % 4 + 1, 1)
               FROM 17)::uuid::text AS comment_key
    FROM standing
)
INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                payload_type, payload_revision, payload, meta_data, time_stamp)
SELECT nextval('domain_event_entry_seq'), gen_random_uuid()::text, comment_key, 0, 'Comment',
       'com.firmos.api.messages.activity.ActivityCommentAdoptedEvent', '1',
       convert_to('{"activityId":' || (posted -> 'activityId')::text
                  || ',"organizationId":' || (posted -> 'organizationId')::text
                  || ',"engagementId":' || (posted -> 'engagementId')::text
                  || ',"commentId":' || (posted -> 'commentId')::text
                  || ',"authorId":' || (posted -> 'authorId')::text
                  || ',"text":' || current_text::text || '}', 'UTF8'),
       convert_to('{"organizationId":' || (posted -> 'organizationId')::text || '}', 'UTF8'),
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM (SELECT * FROM keyed k
      WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry d WHERE d.aggregate_identifier = k.comment_key)
      ORDER BY k.last_index) adopted;

-- An activity's snapshots (revision 2) hold its comments: dropped, it loads from its events, and its next snapshot
-- (revision 3) has none.
DELETE FROM snapshot_event_entry WHERE type = 'Activity';
