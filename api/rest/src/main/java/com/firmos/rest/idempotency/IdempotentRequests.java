package com.firmos.rest.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The requests that carried an idempotency key and their first answers, in PostgreSQL so that every node sees them.
 * A row without a status is a request still running; one left so for longer than {@link #ABANDONED_AFTER} belongs to
 * a node that died, and the next retry runs the request again. Answers are kept for a day, sealed under the tenant's
 * answer key ({@link AnswerSeal}) and bound to their row; fingerprints are keyed digests. The commands a request
 * stored ({@link RequestSteps}) outlive its released key, which stays its own and lets its retry resume it.
 */
@Component
public class IdempotentRequests {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);

    /** What a request with a key may do. */
    sealed interface Claim {
        /**
         * The key is new, its first request was abandoned, or it failed after storing commands (then it
         * {@code resumes}): run the request.
         */
        record Run(boolean resumes) implements Claim {
        }

        /** The key was used for another request. */
        record Mismatch() implements Claim {
        }

        /** The first request with the key is still running. */
        record Running() implements Claim {
        }

        /** The first request with the key was answered so. */
        record Answered(StoredAnswer answer) implements Claim {
        }
    }

    private record Row(byte[] fingerprint, Integer status, String contentType, String location, String etag,
                       byte[] body, boolean abandoned) {
    }

    private final JdbcClient jdbc;
    private final AnswerSeal seal;

    IdempotentRequests(JdbcClient jdbc, AnswerSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    byte[] fingerprint(String organizationId, byte[] request) {
        return seal.fingerprint(organizationId, request);
    }

    Claim claim(String scope, String key, String organizationId, byte[] fingerprint) {
        List<byte[]> stepped = jdbc.sql("""
                SELECT DISTINCT fingerprint FROM idempotent_step WHERE scope = :scope AND request_key = :key""")
                .param("scope", scope).param("key", key).query(byte[].class).list();
        // A key whose request stored a write is taken, also when that request failed afterwards.
        if (stepped.stream().anyMatch(stored -> !Arrays.equals(stored, fingerprint))) {
            return new Claim.Mismatch();
        }
        boolean resumes = !stepped.isEmpty();
        int inserted = jdbc.sql("""
                INSERT INTO idempotent_request (scope, request_key, organization_id, fingerprint)
                VALUES (:scope, :key, :org, :fingerprint) ON CONFLICT (scope, request_key) DO NOTHING""")
                .param("scope", scope).param("key", key).param("org", organizationId)
                .param("fingerprint", fingerprint).update();
        if (inserted == 1) {
            return new Claim.Run(resumes);
        }
        Optional<Row> row = find(scope, key);
        if (row.isEmpty()) {
            return claim(scope, key, organizationId, fingerprint);
        }
        Row found = row.get();
        if (!Arrays.equals(found.fingerprint(), fingerprint)) {
            return new Claim.Mismatch();
        }
        if (found.status() != null) {
            Optional<byte[]> body = Optional.ofNullable(found.body())
                    .map(sealed -> seal.open(organizationId, context(scope, key), sealed).orElse(null));
            if (found.body() != null && body.isEmpty()) {
                // Sealed under another master key: the answer is lost, so the request runs again.
                LOG.warn("A kept answer of {} does not open under its tenant's key; the retry runs again", scope);
                jdbc.sql("DELETE FROM idempotent_request WHERE scope = :scope AND request_key = :key")
                        .param("scope", scope).param("key", key).update();
                return claim(scope, key, organizationId, fingerprint);
            }
            return new Claim.Answered(new StoredAnswer(found.status(), found.contentType(), found.location(),
                    found.etag(), body.orElse(null)));
        }
        return found.abandoned() && takeOver(scope, key) ? new Claim.Run(resumes) : new Claim.Running();
    }

    void answer(String scope, String key, String organizationId, StoredAnswer answer) {
        byte[] body = answer.body() == null ? null : seal.seal(organizationId, context(scope, key), answer.body());
        jdbc.sql("""
                UPDATE idempotent_request SET status = :status, content_type = :contentType, location = :location,
                    etag = :etag, body = :body
                WHERE scope = :scope AND request_key = :key""")
                .param("status", answer.status()).param("contentType", answer.contentType())
                .param("location", answer.location()).param("etag", answer.etag()).param("body", body)
                .param("scope", scope).param("key", key).update();
    }

    /** A request that was refused changed nothing: its retry runs again. */
    void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotent_request WHERE scope = :scope AND request_key = :key AND status IS NULL")
                .param("scope", scope).param("key", key).update();
    }

    /**
     * Stored answers may name people: an erasure in the organization forgets every one of them. Steps hold only
     * ids and keyed digests, so they stay, and a retry in flight still resumes.
     */
    public void forget(String organizationId) {
        jdbc.sql("DELETE FROM idempotent_request WHERE organization_id = :org").param("org", organizationId).update();
    }

    /** Keys and the steps of their requests last a day; a step outlives its key only until then. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void expire() {
        jdbc.sql("DELETE FROM idempotent_request WHERE created_at < now() - interval '1 day'").update();
        jdbc.sql("DELETE FROM idempotent_step WHERE created_at < now() - interval '1 day'").update();
    }

    /** What a sealed answer is bound to: its row, so that it cannot be moved to another caller's or key's. */
    private static byte[] context(String scope, String key) {
        return (scope + "\n" + key).getBytes(StandardCharsets.UTF_8);
    }

    private Optional<Row> find(String scope, String key) {
        return jdbc.sql("""
                SELECT fingerprint, status, content_type, location, etag, body,
                    created_at < now() - make_interval(secs => :abandoned) AS abandoned
                FROM idempotent_request WHERE scope = :scope AND request_key = :key""")
                .param("abandoned", ABANDONED_AFTER.toSeconds()).param("scope", scope).param("key", key)
                .query((rs, n) -> new Row(rs.getBytes("fingerprint"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getString("etag"),
                        rs.getBytes("body"), rs.getBoolean("abandoned")))
                .optional();
    }

    private boolean takeOver(String scope, String key) {
        return jdbc.sql("""
                UPDATE idempotent_request SET created_at = now()
                WHERE scope = :scope AND request_key = :key AND status IS NULL
                    AND created_at < now() - make_interval(secs => :abandoned)""")
                .param("scope", scope).param("key", key).param("abandoned", ABANDONED_AFTER.toSeconds())
                .update() == 1;
    }
}
