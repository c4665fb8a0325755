package com.firmos.rest.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/** Hostile filters and cursors on the timeline, now that its SQL is built from the filters given. */
class OutsiderTimelineApiTest extends IntegrationTest {

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void hostileFiltersAndCursorsAreAnsweredWithoutAServerError() {
        String token = admin();
        UUID engagement = engagement();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("cursor far future", "cursor=" + cursor("+300000-01-01T00:00:00Z|1"));
        queries.put("cursor far past", "cursor=" + cursor("-300000-01-01T00:00:00Z|1"));
        queries.put("cursor min position", "cursor=" + cursor("2026-01-01T00:00:00Z|" + Long.MIN_VALUE));
        queries.put("cursor no position", "cursor=" + cursor("2026-01-01T00:00:00Z"));
        queries.put("cursor garbage", "cursor=%27%20OR%201%3D1--");
        queries.put("from far future", "from=" + q("+300000-01-01T00:00:00Z"));
        queries.put("to far past", "to=" + q("-300000-01-01T00:00:00Z"));
        queries.put("sql entityType", "entityType=" + q("x' OR '1'='1"));
        queries.put("sql entityId", "entityId=" + q("1); DROP TABLE timeline_entry;--"));
        queries.put("sql eventType", "eventType=" + q("a','b") + "&eventType=" + q("\"{}\""));
        queries.put("braces eventType", "eventType=" + q("{a,b}"));
        queries.put("backslash eventType", "eventType=" + q("\\"));
        queries.put("huge limit", "limit=2147483647");
        queries.put("overflow limit", "limit=99999999999");
        queries.put("negative limit", "limit=-1");
        queries.put("empty eventType", "eventType=");
        queries.put("long actor", "actorId=" + "a".repeat(5000));
        queries.put("bad engagement", "engagementId=not-a-uuid");
        SoftAssertions softly = new SoftAssertions();
        for (var query : queries.entrySet()) {
            for (String path : new String[] {"/api/v1/timeline?", "/api/v1/engagements/" + engagement
                    + "/timeline?"}) {
                Response answer = api.get(path + query.getValue(), token);
                softly.assertThat(answer.status()).as(query.getKey() + " on " + path + ": " + answer.body())
                        .isLessThan(500);
            }
        }
        softly.assertAll();
    }

    @Test
    void anotherTenantsEngagementLooksLikeNoneOnEveryTimelineRoute() {
        String tokenOfB = token(otherTenant, "admin");
        UUID ofB = openEngagement(api, tokenOfB);
        UUID none = UUID.randomUUID();
        String tokenOfA = token(tenant, "viewer");
        for (String route : new String[] {"/stream", "/timeline", "/planning-view", "/planning-view?asOf="
                + q("2020-01-01T00:00:00Z")}) {
            Response foreign = api.get("/api/v1/engagements/" + ofB + route, tokenOfA);
            Response missing = api.get("/api/v1/engagements/" + none + route, tokenOfA);
            assertThat(foreign.status()).as(route).isEqualTo(missing.status());
            assertThat(foreign.body().replace(ofB.toString(), "ID")).as(route)
                    .isEqualTo(missing.body().replace(none.toString(), "ID"));
        }
        Response filtered = api.get("/api/v1/timeline?engagementId=" + ofB, tokenOfA);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.json().get("entries").size()).isZero();
    }
}
