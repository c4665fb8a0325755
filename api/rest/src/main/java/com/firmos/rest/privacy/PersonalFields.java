package com.firmos.rest.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import com.firmos.rest.problem.ApiProblem;

/**
 * The rules of personal fields, checked in the request while they can still be read: once sealed, the domain sees
 * only ciphertext. Each refusal names the field and the rule, never the value.
 */
public final class PersonalFields {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int EMAIL_MAX = 320;
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\-. ]{3,40}$");

    private PersonalFields() {
    }

    /** The stripped value, refused when blank or longer than {@code max}. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw invalid(field, field + " is required, at most " + max + " characters");
        }
        return value.strip();
    }

    /** The email stripped and lower-cased, or null when absent; refused when it is not an email address. */
    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw invalid(field, field + " must be an email address");
        }
        return email;
    }

    /** The phone stripped, or null when absent; refused unless it is 3 to 40 digits, spaces and {@code + ( ) - .}. */
    public static String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(value.strip()).matches()) {
            throw invalid(field, field + " must be 3 to 40 digits, spaces and + ( ) - .");
        }
        return value.strip();
    }

    public static void absent(String field, String value, String why) {
        if (value != null) {
            throw invalid(field, field + " must not be set " + why);
        }
    }

    private static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", field, detail);
    }
}
