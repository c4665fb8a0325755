package com.firmos.rest.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final IdempotentRequests idempotentRequests;
    private final SecretKey master;
    private final SecureRandom random = new SecureRandom();

    PersonalData(JdbcClient jdbc, IdempotentRequests idempotentRequests,
                 @Value("${firmos.personal-data.master-key}") String masterKey) {
        this.jdbc = jdbc;
        this.idempotentRequests = idempotentRequests;
        byte[] key = Base64.getDecoder().decode(masterKey);
        if (key.length != 32) {
            throw new IllegalStateException("firmos.personal-data.master-key must be 32 bytes in base64");
        }
        if (DEVELOPMENT_KEY.equals(masterKey)) {
            LOG.warn("Personal data is sealed under the development master key: set FIRMOS_PERSONAL_DATA_MASTER_KEY"
                    + " before storing real people's data");
        }
        this.master = new SecretKeySpec(key, "AES");
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
                encrypt(key, plaintext.strip().getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The same id for the same person (by email, in one tenant) every time, keyed by the master key so the id
     * tells nothing about the email once the person is erased.
     */
    public UUID pseudonym(String organizationId, String kind, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
            byte[] digest = mac.doFinal((organizationId + '\n' + kind + '\n' + email.strip().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            digest[6] = (byte) (digest[6] & 0x0f | 0x80);
            digest[8] = (byte) (digest[8] & 0x3f | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("pseudonym failed", e);
        }
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
            return Optional.of(new String(decrypt(key.get(), Base64.getDecoder().decode(
                    sealed.ciphertext().substring(PREFIX.length()))), StandardCharsets.UTF_8));
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
                .map(wrapped -> new SecretKeySpec(decrypt(master, wrapped), "AES"));
    }

    private static Optional<UUID> subjectOf(Sealed sealed) {
        try {
            return Optional.ofNullable(sealed.subjectId()).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private SecretKey createKey(String organizationId, UUID subject) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.sql("""
                INSERT INTO personal_data_key (subject_id, organization_id, wrapped_key, created_at)
                VALUES (:id, :org, :key, :at) ON CONFLICT (organization_id, subject_id) DO NOTHING""")
                .param("id", subject.toString()).param("org", organizationId).param("key", encrypt(master, fresh))
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return keyOf(organizationId, subject).orElseThrow();
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unsealing failed", e);
        }
    }
}
