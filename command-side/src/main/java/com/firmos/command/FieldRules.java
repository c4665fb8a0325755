package com.firmos.command;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import com.firmos.api.messages.crm.Sealed;

/** The field checks every policy shares, each refusing with the field and the rule it broke. */
public final class FieldRules {

    /** The largest amount the read tables' NUMERIC(14, 2) columns hold: a trillion did not fit. */
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");
    private static final int SEALED_MAX = 20_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private FieldRules() {
    }

    public static void required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
    }

    public static void requiredText(String field, String value, int max) {
        required(field, value);
        maxLength(field, value, max);
    }

    /**
     * Personal data reaches the domain only sealed under the key of the person it belongs to; {@code subject} is
     * that person's id, or {@code null} when the value names its person itself.
     */
    public static void sealed(String field, Sealed value, Object subject) {
        if (value == null) {
            return;
        }
        requiredText(field + ".subjectId", value.subjectId(), 100);
        requiredText(field + ".ciphertext", value.ciphertext(), SEALED_MAX);
        if (!value.ciphertext().startsWith("v1:")) {
            throw DomainException.invalid(field, field + " must be sealed before it reaches the domain");
        }
        if (subject != null && !value.subjectId().equals(subject.toString())) {
            throw DomainException.invalid(field, field + " must be sealed under its own person's key");
        }
    }

    public static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters");
        }
    }

    public static void absent(String field, Object value, String why) {
        if (value != null) {
            throw DomainException.invalid(field, field + " must not be set " + why);
        }
    }

    public static void httpUrl(String field, String value) {
        requiredText(field, value, 2_000);
        try {
            URI uri = new URI(value);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null) {
                throw DomainException.invalid(field, field + " must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, field + " must be an absolute http or https URL");
        }
    }

    /** A USD amount: present, not negative, below a trillion, in whole cents. */
    public static void usdAmount(String field, BigDecimal amount) {
        required(field, amount);
        if (amount.signum() < 0 || amount.compareTo(AMOUNT_MAX) > 0 || amount.scale() > 2) {
            throw DomainException.invalid(field, field + " must be between 0 and " + AMOUNT_MAX
                    + " with at most two decimals");
        }
    }

    public static void email(String field, String value) {
        maxLength(field, value, 320);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw DomainException.invalid(field, field + " must be an email address");
        }
    }
}
