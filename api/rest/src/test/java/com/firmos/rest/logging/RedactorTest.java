package com.firmos.rest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    /** Pieces of what log lines hold, each clue a pattern looks for among them, and plain words and digits. */
    private static final String[] PIECES = {"a", "Zq", "api", "v1", "0", "4", "7", "12", "555", "0125", "@", "%40",
        "%2F", "%", "=", ":", " ", "\t", "\n", "\u000B", "\r", "\f", "bearer ", "Bearer ", "bearer", "Bearer", "eyJ",
        "eyJhbGciOi", ".", "-", "+", "(", ")", "/", "?", "&", "\"", ",", "/portal/links/", "token", "sessionToken",
        "password", "phone", "tel", "example.com", "ada@example.org", "***", "***@", "2026-03-01", "192.168.0.1",
        "_", "~"};

    @Test
    void skipsOnlyThePatternsALineCannotMatch() {
        Random random = new Random(20261206);
        int skipped = 0;
        for (int line = 0; line < 50_000; line++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(1, 12); piece > 0; piece--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String written = text.toString();
            String redacted = Redactor.redact(written);
            assertThat(redacted).as(written).isEqualTo(Redactor.redactWithEveryPattern(written));
            skipped += redacted == written ? 1 : 0;
        }
        assertThat(skipped).as("lines left as they were").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email keeps its domain | sent to ada.lovelace+x@example.co.uk today | sent to ***@example.co.uk today
            international phone keeps four | call +44 20 7946 0958 now | call ***0958 now
            us phone keeps four | call (555) 123-4567 now | call ***4567 now
            dotted phone keeps four | call 555.123.4567 | call ***4567
            bearer token disappears | Authorization: Bearer abc.def-ghi-jkl-mno | Authorization: Bearer [redacted]
            the words stay | mint a local bearer token with | mint a local bearer token with
            jwt disappears | token eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl seen | token [jwt] seen
            magic link disappears | GET /api/v1/portal/links/Zm9vYmFy-_x 200 | GET /api/v1/portal/links/[redacted] 200
            token field disappears | {"token": "Zm9vYmFy", "x": 1} | {"token": "[redacted]", "x": 1}
            password field disappears | password=hunter2&x=1 | password=[redacted]&x=1
            timestamps stay | 2026-11-22T15:53:03.051Z INFO 17391 | 2026-11-22T15:53:03.051Z INFO 17391
            uuids stay | id 7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f | id 7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f
            digit-led uuids stay | id 12345678-3f4a-4b5c-8d9e-012345678901 | id 12345678-3f4a-4b5c-8d9e-012345678901
            dates stay | dueFrom=2026-03-01&dueTo=2026-04-01 | dueFrom=2026-03-01&dueTo=2026-04-01
            a date before its time stays | at 2026-03-01 09:00:00.123 | at 2026-03-01 09:00:00.123
            addresses stay | from 192.168.100.200 | from 192.168.100.200
            access-log numbers stay | GET /api/v1/clients status=200 80ms | GET /api/v1/clients status=200 80ms
            """)
    void redactsPersonalDataAndSecretsOnly(String rule, String line, String expected) {
        assertThat(Redactor.redact(line)).as(rule).isEqualTo(expected);
    }

    /**
     * Every shape the phone rule ({@code 0-9 + ( ) - .} and spaces, 3 to 40) lets through with an area code, and
     * short ones under a phone's name, each in a path, a query string and a JSON body.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            digits only | 4155550125 | 0125
            uk grouping | 020 7946 0959 | 0959
            international with spaces | +44 20 7946 0958 | 0958
            international with dashes | +1-415-555-0125 | 0125
            trunk prefix in parentheses | +44 (0)20 7946 0959 | 0959
            us area code in parentheses | (415) 555-0125 | 0125
            dots | 415.555.0125 | 0125
            dots international | +33.1.23.45.67.89 | 6789
            double-zero prefix | 0044 20 7946 0959 | 0959
            plus between groups | +44+20+7946+0959 | 0959
            seven digits | 5550125 | 0125
            forty characters | +1 (415) 555-0125 555-0125 555-0125 0125 | 0125
            """)
    void redactsEveryPhoneShapeInPathsQueriesAndBodies(String shape, String phone, String lastFour) {
        for (String line : new String[] {"GET /api/v1/vendors/" + phone + "/bills status=200 3ms",
            "GET /api/v1/clients?phone=" + phone + "&limit=5 status=200 3ms",
            "GET /api/v1/clients?q=" + phone + " status=200 3ms",
            "body {\"name\": \"V\", \"phone\": \"" + phone + "\"}",
            "body {\"note\": \"call " + phone + ", urgent\"}"}) {
            String redacted = Redactor.redact(line);

            assertThat(redacted).as(shape + " in " + line).contains("***" + lastFour)
                    .doesNotContain(phone.substring(0, phone.length() - 4).strip());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            short | 112
            five digits | 55501
            spaced | 555 01
            """)
    void hidesAShortPhoneUnderAPhonesName(String shape, String phone) {
        assertThat(Redactor.redact("{\"phone\": \"" + phone + "\", \"mobile\":\"" + phone + "\"} tel=" + phone))
                .as(shape).doesNotContain(phone);
    }

    /** Every shape the email rules ({@code ^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$}) let through, likewise in each place. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            dotted | ada.lovelace@example.com | ada.lovelace | example.com
            plus tag | ada.lovelace+x@example.co.uk | ada.lovelace+x | example.co.uk
            apostrophe | o'brien@example.ie | o'brien | example.ie
            digits dashes underscores | first_last-99@sub.example.com | first_last-99 | sub.example.com
            capitals | Ada.Lovelace@Example.COM | Ada.Lovelace | Example.COM
            unicode local part | jörg.müller@beispiel.de | jörg.müller | beispiel.de
            unicode domain | jorg@exämple.de | jorg | exämple.de
            symbols | a!#$%&*=?^{|}~b@x.io | a!#$%&*=?^{|}~b | x.io
            colon and percent | user:tag%x@x.io | user:tag%x | x.io
            quoted | "ada"@example.com | "ada" | example.com
            percent-encoded at | grace.hopper%40navy.example | grace.hopper | navy.example
            percent-encoded plus and at | ada%2Bx%40example.co.uk | ada%2Bx | example.co.uk
            """)
    void redactsEveryEmailShapeInPathsQueriesAndBodies(String shape, String email, String local, String domain) {
        for (String line : new String[] {"GET /api/v1/vendors/" + email + "/bills status=200 3ms",
            "GET /api/v1/clients?contact=" + email + "&limit=5 status=200 3ms",
            "body {\"email\":\"" + email.replace("\"", "\\\"") + "\", \"x\": 1}",
            "mail to <" + email + "> now"}) {
            String redacted = Redactor.redact(line);

            assertThat(redacted).as(shape + " in " + line).contains("***@" + domain).doesNotContain(local);
        }
    }
}
