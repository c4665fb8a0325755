package com.firmos.rest.logging;

import java.util.List;
import java.util.function.Predicate;
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
    // An address already reduced to its domain (the access log redacts each path segment and query value first) is
    // left alone, so the parameter's name and the route before it stay readable.
    private static final Pattern EMAIL = Pattern.compile("(?:\\\\?\"[^\"\\s@\\\\]*\\\\?\"|(?<!" + LOCAL + ")" + LOCAL
            + "+)(?<!(?:^|[\\s=/?&\"<(\\[,;])\\*\\*\\*)(?:@|(?i:%40))(?=[^\\s@]*\\.[^\\s@.])");
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
            new Rule(Pattern.compile("(?i)(bearer\\s+)[\\w.~+/=-]{16,}"), "$1[redacted]", Clues::space),
            new Rule(Pattern.compile("eyJ[\\w-]*\\.[\\w-]*\\.[\\w-]*"), "[jwt]", Clues::jwt),
            new Rule(Pattern.compile("(/portal/links/)[^/?\\s\"]+"), "$1[redacted]", Clues::link),
            new Rule(Pattern.compile("(?i)(\"?(?:token|sessionToken|password)\"?\\s*[:=]\\s*\"?)[^\"\\s,}&]+"),
                    "$1[redacted]", Clues::assignment));

    private Redactor() {
    }

    /**
     * Each pattern runs only on a line that holds what it needs to match (a space, {@code :} or {@code =}, an
     * {@code @}, seven digits...), found in one scan: most of the access log's path segments and parameters hold
     * none, and their scans were a tenth of a small read's CPU. No replacement adds a clue that was not there.
     */
    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        Clues clues = Clues.of(line);
        return clues.none() ? line : redact(line, clues);
    }

    /** Every pattern on every line: what {@link #redact} must answer, for the tests to compare with. */
    static String redactWithEveryPattern(String line) {
        return line == null || line.isEmpty() ? line : redact(line, Clues.EVERY);
    }

    private static String redact(String line, Clues clues) {
        String redacted = line;
        for (Rule rule : SECRETS) {
            if (rule.applies().test(clues)) {
                redacted = rule.pattern().matcher(redacted).replaceAll(rule.replacement());
            }
        }
        if (clues.at()) {
            redacted = EMAIL.matcher(redacted).replaceAll("***@");
        }
        if (clues.assignment()) {
            redacted = NAMED_PHONE.matcher(redacted)
                    .replaceAll(named -> Matcher.quoteReplacement(named.group(1) + lastFour(named.group(2))));
        }
        return clues.phoneDigits() ? PHONE.matcher(redacted).replaceAll(Redactor::phone) : redacted;
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

    private record Rule(Pattern pattern, String replacement, Predicate<Clues> applies) {
    }

    /**
     * What a line holds that some pattern needs: whitespace (the bearer rule's {@code \s}), {@code :} or {@code =}
     * (named secrets and phones), {@code @} or {@code %} (emails, {@code %40} too), {@code eyJ} (a JWT),
     * {@code /portal/links/}, and seven digits (fewer can be no phone the rule redacts).
     */
    private record Clues(boolean space, boolean assignment, boolean at, boolean jwt, boolean link,
            boolean phoneDigits) {

        static final Clues EVERY = new Clues(true, true, true, true, true, true);

        static Clues of(String line) {
            boolean space = false;
            boolean assignment = false;
            boolean at = false;
            int digits = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                    space = true;
                } else if (c == ':' || c == '=') {
                    assignment = true;
                } else if (c == '@' || c == '%') {
                    at = true;
                }
            }
            return new Clues(space, assignment, at, line.contains("eyJ"), line.contains("/portal/links/"),
                    digits >= PHONE_DIGITS_MIN);
        }

        boolean none() {
            return !(space || assignment || at || jwt || link || phoneDigits);
        }
    }
}
