package com.firmos.rest.logging;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data and secrets out of a log line: emails keep only their domain, phone numbers their last four
 * digits; bearer tokens, JWTs, magic-link tokens and passwords disappear. Applied to every formatted line, so it
 * covers messages, exception texts and access-log lines alike.
 */
public final class Redactor {

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@([\\w-]+(?:\\.[\\w-]+)+)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(?:\\+\\d[\\d ()-]{6,}\\d"
            + "|\\(\\d{3}\\) ?\\d{3}[-. ]\\d{4}|\\d{3}[-. ]\\d{3}[-. ]\\d{4})(?![\\w-])");
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
        redacted = EMAIL.matcher(redacted).replaceAll("***@$1");
        return PHONE.matcher(redacted).replaceAll(Redactor::lastFour);
    }

    private static String lastFour(MatchResult phone) {
        String digits = phone.group().replaceAll("\\D", "");
        return Matcher.quoteReplacement("***" + digits.substring(digits.length() - 4));
    }

    private record Rule(Pattern pattern, String replacement) {
    }
}
