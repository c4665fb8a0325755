package com.firmos.rest.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.firmos.rest.idempotency.AnswerSeal;

/**
 * The personal-data master key ({@code firmos.personal-data.master-key}) and AES-GCM under it. It wraps each
 * person's key ({@link PersonalData}), and derives for each tenant the key that seals the answers kept for retries:
 * an answer can name several people (a client's stakeholders), so no one person's key fits it, and an erasure in
 * the tenant drops every kept answer anyway.
 */
@Component
public class MasterKey implements AnswerSeal {

    static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtbWFzdGVyLWtleS0zMi1ieXRlcyE=";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // A NUL cannot occur in a pseudonym's input (tenant, kind and email), so derived keys never equal a pseudonym.
    private static final String ANSWER_KEY = "\0idempotent-answer\0";
    private static final String FINGERPRINT_KEY = "\0idempotent-fingerprint\0";

    private final SecretKey master;
    private final SecureRandom random = new SecureRandom();

    MasterKey(@Value("${firmos.personal-data.master-key}") String masterKey) {
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

    @Override
    public byte[] seal(String organizationId, byte[] context, byte[] body) {
        return encrypt(derived(ANSWER_KEY, organizationId), body, context);
    }

    @Override
    public Optional<byte[]> open(String organizationId, byte[] context, byte[] sealed) {
        try {
            return Optional.of(decrypt(derived(ANSWER_KEY, organizationId), sealed, context));
        } catch (IllegalStateException | IllegalArgumentException notThisKeys) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] fingerprint(String organizationId, byte[] request) {
        return hmac(derived(FINGERPRINT_KEY, organizationId).getEncoded(), request);
    }

    byte[] wrap(byte[] key) {
        return encrypt(master, key, null);
    }

    SecretKey unwrap(byte[] wrapped) {
        return new SecretKeySpec(decrypt(master, wrapped, null), "AES");
    }

    /** HMAC-SHA256 under the master key itself. */
    byte[] hmac(byte[] data) {
        return hmac(master.getEncoded(), data);
    }

    byte[] encrypt(SecretKey key, byte[] plaintext, byte[] context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (context != null) {
                cipher.updateAAD(context);
            }
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    static byte[] decrypt(SecretKey key, byte[] sealed, byte[] context) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            if (context != null) {
                cipher.updateAAD(context);
            }
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unsealing failed", e);
        }
    }

    private SecretKey derived(String purpose, String organizationId) {
        return new SecretKeySpec(hmac((purpose + organizationId).getBytes(StandardCharsets.UTF_8)), "AES");
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
