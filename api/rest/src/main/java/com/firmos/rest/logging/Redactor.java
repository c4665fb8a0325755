package com.firmos.rest.logging;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data and secrets out of a log line: emails keep only their domain, phone numbers their last four
 * digits; bearer tokens, JWTs, magic-link tokens and passwords disappear. Applied to every formatted line, so it
 * covers messages, exception texts and access-log lines alike. The patterns reach as far as the validators
 * ({@code PersonalFields}, {@code FieldRules}, the phone rule of stakeholders and vendors) let a value go.
 */
public final class Redactor {

    /**
     * The local part runs back to whitespace, a quote, {@code <>()[],;\} or a path's {@code /}: every other
     * character a validator accepts before the {@code @} (even {@code ?&=:'}) is taken as part of it, at the cost of
     * a query parameter's name. Written {@code %40}, as in a path that was not decoded, the {@code @} counts too.
     */
    private static final String LOCAL = "[^\\s@\"<>()\\[\\],;\\\\/]";
    // Tried once per word (the look-behind), so a long token without an @ costs one scan, not one per character.
    private static final Pattern EMAIL = Pattern.compile("(?:\\\\?\"[^\"\\s@\\\\]*\\\\?\"|(?<!" + LOCAL + ")" + LOCAL
            + "+)(?:@|(?i:%40))(?=[^\\s@]*\\.[^\\s@.])");
    /** A run of the characters the phone rule accepts ({@code 0-9 + ( ) - .} and spaces), ending in a digit. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.+-])[+(]?\\d[\\d ().+-]*\\d(?![\\w-])");
    /** A value under a name that says phone: redacted however short it is. */
    private static final Pattern NAMED_PHONE = Pattern.compile(
            "(?i)(\"?\\b(?:phone|phoneNumber|mobile|tel|telephone|fax)\"?\\s*[:=]\\s*\"?)"
            + "([+(]?\\d(?:[\\d ().+-]*\\d)?)");
    /** Fewer digits than any phone number with its area code; keeps process ids and durations readable. */
    private static final int PHONE_DIGITS_MIN = 7;
    /** Digit runs that are not phones: a date (alone or before its time), an IPv4 address, an all-digit UUID. */
    private static final Pattern NOT_A_PHONE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}.*|\\d{1,3}(?:\\.\\d{1,3}){3}|\\d{8}-\\d{4}-\\d{4}-\\d{4}-\\d{12}");
    private static final List<Rule> SECRETS = List.of(
            // A credential, not the word: "a bearer token" in a sentence stays readable.
            new Rule(Pattern.compile("(?i)(bearer\\s+)[\\w.~+/=-]{16,}"), "$1[redacted]"),
            new Rule(Pattern.compile("eyJ[\\w-]*\\.[\\w-]*\\.[\\w-]*"), "[jwt]"),
            new Rule(Pattern.compile("(/portal/links/)[^/?\\s\"]+"), "$1[redacted]"),
            new Rule(Pattern.compile("(?i)(\"?(?:token|sessionToken|password)\"?\\s*[:=]\\s*\"?)[^\"\\s,}&]+"),
                    "$1[redacted]"));

    private Redactor() {
    }

    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String redacted = line;
        for (Rule rule : SECRETS) {
            redacted = rule.pattern().matcher(redacted).replaceAll(rule.replacement());
        }
        redacted = EMAIL.matcher(redacted).replaceAll("***@");
        redacted = NAMED_PHONE.matcher(redacted)
                .replaceAll(named -> Matcher.quoteReplacement(named.group(1) + lastFour(named.group(2))));
        return PHONE.matcher(redacted).replaceAll(Redactor::phone);
    }

    private static String phone(MatchResult candidate) {
        String run = candidate.group();
        boolean phone = digits(run).length() >= PHONE_DIGITS_MIN && !NOT_A_PHONE.matcher(run).matches();
        return Matcher.quoteReplacement(phone ? lastFour(run) : run);
    }

    /** The last four digits; a number that short is hidden whole. */
    private static String lastFour(String phone) {
        String digits = digits(phone);
        return digits.length() > 4 ? "***" + digits.substring(digits.length() - 4) : "***";
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    private record Rule(Pattern pattern, String replacement) {
    }
}
