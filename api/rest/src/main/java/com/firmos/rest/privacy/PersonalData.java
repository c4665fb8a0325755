package com.firmos.rest.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.rest.idempotency.IdempotentRequests;
import com.firmos.rest.problem.ApiProblem;

/**
 * Seals personal data (emails, phones, notes) with AES-GCM under a data key of its own per person, stored
 * wrapped by the master key in {@code personal_data_key}. Events and read tables hold only ciphertext, so erasing
 * a person is deleting one key row: every copy of their data, in every event and table, becomes unreadable.
 * Plaintext exists only in the request that brings it and the response to an authorised reader; it is never
 * logged.
 */
@Component
public class PersonalData {

    static final String PREFIX = "v1:";
    /** Values carried over from events written before a field was sealed; readable until the person is erased. */
    static final String PLAIN = "plain:";
    /** The key shipped in application.yml: it seals only in development mode. */
    public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtbWFzdGVyLWtleS0zMi1ieXRlcyE=";
    private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);

    private final JdbcClient jdbc;
    private final IdempotentRequests idempotentRequests;
    private final MasterKey master;
    private final SecureRandom random = new SecureRandom();

    PersonalData(JdbcClient jdbc, IdempotentRequests idempotentRequests, MasterKey master) {
        this.jdbc = jdbc;
        this.idempotentRequests = idempotentRequests;
        this.master = master;
    }

    /** Seals a value under the person's key, creating the key on first use; blank stays absent. */
    public Sealed seal(String organizationId, UUID subject, String plaintext) {
        if (plaintext == null || plaintext.isBlank()) {
            return null;
        }
        if (erased(organizationId, subject)) {
            throw new ApiProblem(HttpStatus.GONE, "erased", null, "this person was erased; their data cannot be"
                    + " written again");
        }
        SecretKey key = keyOf(organizationId, subject).orElseGet(() -> createKey(organizationId, subject));
        return new Sealed(subject.toString(), PREFIX + Base64.getEncoder().encodeToString(
                master.encrypt(key, plaintext.strip().getBytes(StandardCharsets.UTF_8), null)));
    }

    /**
     * The same id for the same person (by email, in one tenant) every time, keyed by the master key so the id
     * tells nothing about the email once the person is erased.
     */
    public UUID pseudonym(String organizationId, String kind, String email) {
        byte[] digest = master.hmac((organizationId + '\n' + kind + '\n' + email.strip().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        digest[6] = (byte) (digest[6] & 0x0f | 0x80);
        digest[8] = (byte) (digest[8] & 0x3f | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(digest);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /**
     * The plaintext for a reader of the tenant, or nothing when the person's key was erased or the value was not
     * sealed under that tenant's key for the person (a copy of another tenant's ciphertext opens nothing).
     */
    public Optional<String> unseal(String organizationId, Sealed sealed) {
        if (organizationId == null || sealed == null || sealed.ciphertext() == null) {
            return Optional.empty();
        }
        Optional<UUID> subject = subjectOf(sealed);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        if (sealed.ciphertext().startsWith(PLAIN)) {
            return erased(organizationId, subject.get()) ? Optional.empty()
                    : Optional.of(sealed.ciphertext().substring(PLAIN.length()));
        }
        if (!sealed.ciphertext().startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<SecretKey> key = keyOf(organizationId, subject.get());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(MasterKey.decrypt(key.get(), Base64.getDecoder().decode(
                    sealed.ciphertext().substring(PREFIX.length())), null), StandardCharsets.UTF_8));
        } catch (IllegalStateException | IllegalArgumentException notThisKeys) {
            LOG.warn("A sealed value of subject {} does not open under its tenant's key", subject.get());
            return Optional.empty();
        }
    }

    /**
     * Erases a person: their sealed data stays where it is and can never be read again, and no key is made for
     * them again. Repeating it changes nothing.
     */
    public void erase(String organizationId, UUID subject) {
        jdbc.sql("""
                INSERT INTO personal_data_erasure (subject_id, organization_id, erased_at) VALUES (:id, :org, :at)
                ON CONFLICT (organization_id, subject_id) DO NOTHING""")
                .param("id", subject.toString()).param("org", organizationId)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        jdbc.sql("DELETE FROM personal_data_key WHERE organization_id = :org AND subject_id = :id")
                .param("org", organizationId).param("id", subject.toString()).update();
        // Answers kept for retries hold the person in clear.
        idempotentRequests.forget(organizationId);
    }

    /** The kinds of person a key is for: a chosen id may name a person of its own kind only. */
    public enum PersonKind {
        STAKEHOLDER, VENDOR, GUEST, PORTAL_CONTACT;

        /** As the key's row spells it. */
        String stored() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whom a key is for, as its row says: the kind (null in a key from before kinds were kept) and the owner. */
    private record Person(String kind, String owner) {
    }

    /**
     * What a claim found: no one (this call made the key), a key this owner's claim made before (an add refused,
     * then corrected), a person of the same kind, or one of another kind.
     */
    public enum Claim { NEW, OWN, SAME_KIND, OTHER_KIND }

    /**
     * Makes the person's key when the id names nobody of the tenant yet, and says what it found: of two requests
     * adding one new id at once, only one gets NEW (the key's primary key decides), so the other cannot take the id
     * for a second person sharing the first one's key; an id of another kind of person is OTHER_KIND. A key is never
     * given back: another request may be sealing under it. An erased person is of their kind still, and sealing for
     * them is refused (410).
     *
     * @param owner what the person is added to (a stakeholder's client), or null
     */
    public Claim claim(String organizationId, UUID subject, PersonKind kind, String owner) {
        if (erased(organizationId, subject)) {
            return Claim.SAME_KIND;
        }
        if (insertKey(organizationId, subject, kind, owner) == 1) {
            return Claim.NEW;
        }
        // A key from before kinds were kept (none the migration could tell) is adopted by its first claim.
        jdbc.sql("""
                UPDATE personal_data_key SET person_kind = :kind, person_owner = :owner
                WHERE organization_id = :org AND subject_id = :id AND person_kind IS NULL""")
                .param("kind", kind.stored()).param("owner", owner)
                .param("org", organizationId).param("id", subject.toString()).update();
        return personOf(organizationId, subject)
                .map(person -> !kind.stored().equals(person.kind()) ? Claim.OTHER_KIND
                        : owner != null && owner.equals(person.owner()) ? Claim.OWN : Claim.SAME_KIND)
                .orElse(Claim.SAME_KIND);
    }

    /** The refusal of an id that names a person of another kind: the field the request chose it in. */
    public static ApiProblem otherPerson(String field) {
        return new ApiProblem(HttpStatus.CONFLICT, "already-exists", field,
                "this id names another person of your organization; choose another id");
    }

    /** The kind of person a key is for, when it has a key and its kind is known. */
    public Optional<PersonKind> kindOf(String organizationId, UUID subject) {
        return personOf(organizationId, subject).map(Person::kind)
                .map(kind -> PersonKind.valueOf(kind.toUpperCase(Locale.ROOT)));
    }

    private Optional<Person> personOf(String organizationId, UUID subject) {
        return jdbc.sql("""
                SELECT person_kind, person_owner FROM personal_data_key
                WHERE organization_id = :org AND subject_id = :id""")
                .param("org", organizationId).param("id", subject.toString())
                .query((rs, n) -> new Person(rs.getString("person_kind"), rs.getString("person_owner"))).optional();
    }

    /** Whether the id names a person of this tenant, by their key or their erasure; other tenants' are unknown. */
    public boolean knows(String organizationId, UUID subject) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM personal_data_key WHERE organization_id = :org AND subject_id = :id)
                    OR EXISTS (SELECT 1 FROM personal_data_erasure WHERE organization_id = :org AND subject_id = :id)""")
                .param("org", organizationId).param("id", subject.toString()).query(Boolean.class).single();
    }

    private boolean erased(String organizationId, UUID subject) {
        return jdbc.sql("""
                SELECT count(*) FROM personal_data_erasure WHERE organization_id = :org AND subject_id = :id""")
                .param("org", organizationId).param("id", subject.toString()).query(Long.class).single() > 0;
    }

    private Optional<SecretKey> keyOf(String organizationId, UUID subject) {
        return jdbc.sql("SELECT wrapped_key FROM personal_data_key WHERE organization_id = :org AND subject_id = :id")
                .param("org", organizationId).param("id", subject.toString())
                .query(byte[].class).optional()
                .map(master::unwrap);
    }

    private static Optional<UUID> subjectOf(Sealed sealed) {
        try {
            return Optional.ofNullable(sealed.subjectId()).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private SecretKey createKey(String organizationId, UUID subject) {
        insertKey(organizationId, subject, null, null);
        return keyOf(organizationId, subject).orElseThrow();
    }

    /** One row when this call made the key, none when the person had one. */
    private int insertKey(String organizationId, UUID subject, PersonKind kind, String owner) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return jdbc.sql("""
                INSERT INTO personal_data_key
                    (subject_id, organization_id, wrapped_key, created_at, person_kind, person_owner)
                VALUES (:id, :org, :key, :at, :kind, :owner) ON CONFLICT (organization_id, subject_id) DO NOTHING""")
                .param("id", subject.toString()).param("org", organizationId).param("key", master.wrap(fresh))
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("kind", kind == null ? null : kind.stored()).param("owner", owner)
                .update();
    }
}
