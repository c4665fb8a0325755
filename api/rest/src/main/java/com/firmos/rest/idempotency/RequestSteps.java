package com.firmos.rest.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands a keyed request stored, by their order in the request, so that its retry after a failure past a
 * stored write (a full pool while it waited for its projections, a node that died before keeping its answer) skips
 * them and answers as the first attempt would have. A command is matched by its order, its aggregate and a keyed
 * digest of its payload: one built differently by the retry is another command, and is sent. The ids a keyed
 * request makes for new entities derive from its tenant, caller, key and their order, so that its retry builds the
 * same commands. Each step is recorded in its command's own transaction ({@link StepRecorder}).
 */
@Component
public class RequestSteps {

    /** Metadata of a command sent by a keyed request: the step its transaction records. */
    static final String METADATA = "firmos.idempotentStep";
    private static final String COMMANDS = RequestSteps.class.getName() + ".commands";
    private static final String IDS = RequestSteps.class.getName() + ".ids";
    /** The ids this request made for the entities it creates. */
    private static final String MADE = RequestSteps.class.getName() + ".made";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    /** The {@code ordinal}-th command of a keyed request, on the aggregate it targets. */
    public record Step(String scope, String key, int ordinal, String organizationId, byte[] fingerprint,
            String aggregateId, byte[] payloadHash, boolean resumes, boolean onMadeId) {
    }

    private final JdbcClient jdbc;
    private final AnswerSeal seal;

    RequestSteps(JdbcClient jdbc, AnswerSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /** The request's next command as a step, when the request holds an idempotency key. */
    public Optional<Step> next(HttpServletRequest request, String aggregateId, Object payload) {
        if (!(request.getAttribute(IdempotencyFilter.CLAIM) instanceof IdempotencyFilter.Held held)) {
            return Optional.empty();
        }
        byte[] content = (payload.getClass().getName() + "\n" + JSON.writeValueAsString(payload))
                .getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Step(held.scope(), held.key(), count(request, COMMANDS), held.organizationId(),
                held.fingerprint(), aggregateId, seal.fingerprint(held.organizationId(), content), held.resumes(),
                made(request).contains(aggregateId)));
    }

    /**
     * Whether an earlier attempt of the same request stored this very command. A command on an entity the request
     * creates under an id made here ({@link #newId}) matches by that id alone: the id already binds it to this
     * tenant, caller, key and body, and its payload may differ only by what the server draws afresh each attempt
     * (a link's token, a sealed name's nonce), so that a retry gets the first answer, not "already exists".
     */
    public boolean stored(Step step) {
        if (!step.resumes()) {
            return false;
        }
        return jdbc.sql("""
                SELECT fingerprint, aggregate_id, payload_hash FROM idempotent_step
                WHERE scope = :scope AND request_key = :key AND ordinal = :ordinal""")
                .param("scope", step.scope()).param("key", step.key()).param("ordinal", step.ordinal())
                .query((rs, n) -> Arrays.equals(rs.getBytes(1), step.fingerprint())
                        && rs.getString(2).equals(step.aggregateId())
                        && (step.onMadeId() || Arrays.equals(rs.getBytes(3), step.payloadHash())))
                .optional().orElse(false);
    }

    /** What the command carries for {@link StepRecorder}, in strings, which any command bus transports. */
    public Map<String, Object> metadata(Step step) {
        return Map.of(METADATA, Map.of("scope", step.scope(), "key", step.key(),
                "ordinal", Integer.toString(step.ordinal()), "organization", step.organizationId(),
                "fingerprint", BASE64.encodeToString(step.fingerprint()), "aggregate", step.aggregateId(),
                "hash", BASE64.encodeToString(step.payloadHash())));
    }

    /**
     * The id of a new entity: random, or within a keyed request a keyed digest of the tenant, caller, key, request
     * and the id's order in it, which no other tenant, caller, key or request meets and only the server can
     * compute. It reads as a random (version 4) UUID, so an id does not tell how it was made.
     */
    public UUID newId(HttpServletRequest request) {
        if (!(request.getAttribute(IdempotencyFilter.CLAIM) instanceof IdempotencyFilter.Held held)) {
            return UUID.randomUUID();
        }
        String name = "id\n" + held.scope() + "\n" + held.key() + "\n" + BASE64.encodeToString(held.fingerprint())
                + "\n" + count(request, IDS);
        ByteBuffer digest = ByteBuffer.wrap(seal.fingerprint(held.organizationId(),
                name.getBytes(StandardCharsets.UTF_8)));
        long high = digest.getLong() & ~0xF000L | 0x4000L;
        long low = digest.getLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        UUID id = new UUID(high, low);
        made(request).add(id.toString());
        return id;
    }

    /** Records the step a command's metadata names; a retry whose command differs replaces the earlier one. */
    void record(Map<?, ?> step) {
        jdbc.sql("""
                INSERT INTO idempotent_step (scope, request_key, ordinal, organization_id, fingerprint, aggregate_id,
                    payload_hash)
                VALUES (:scope, :key, :ordinal, :org, :fingerprint, :aggregate, :hash)
                ON CONFLICT (scope, request_key, ordinal) DO UPDATE SET fingerprint = excluded.fingerprint,
                    aggregate_id = excluded.aggregate_id, payload_hash = excluded.payload_hash, created_at = now()""")
                .param("scope", step.get("scope")).param("key", step.get("key"))
                .param("ordinal", Integer.parseInt((String) step.get("ordinal")))
                .param("org", step.get("organization"))
                .param("fingerprint", UNBASE64.decode((String) step.get("fingerprint")))
                .param("aggregate", step.get("aggregate"))
                .param("hash", UNBASE64.decode((String) step.get("hash"))).update();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> made(HttpServletRequest request) {
        if (!(request.getAttribute(MADE) instanceof Set<?> ids)) {
            Set<String> fresh = new HashSet<>();
            request.setAttribute(MADE, fresh);
            return fresh;
        }
        return (Set<String>) ids;
    }

    /** Numbers the request's commands, or its new ids, from 1 in the order the controller makes them. */
    private static int count(HttpServletRequest request, String counter) {
        int next = request.getAttribute(counter) instanceof Integer last ? last + 1 : 1;
        request.setAttribute(counter, next);
        return next;
    }
}
