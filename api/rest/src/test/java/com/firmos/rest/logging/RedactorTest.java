package com.firmos.rest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

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
            """)
    void redactsPersonalDataAndSecretsOnly(String rule, String line, String expected) {
        assertThat(Redactor.redact(line)).as(rule).isEqualTo(expected);
    }
}
