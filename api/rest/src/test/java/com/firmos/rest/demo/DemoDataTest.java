package com.firmos.rest.demo;

import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class DemoDataTest extends IntegrationTest {

    @Autowired
    private DemoData demoData;

    @Test
    void demoFillsOnePlaybookAcrossBucketsPhasesAndStatusesAndOnlyOnce() {
        demoData.run(new DefaultApplicationArguments("--demo"));
        demoData.run(new DefaultApplicationArguments("--demo"));

        JsonNode board = api.get("/api/v1/engagements/" + DemoData.ENGAGEMENT + "/planning-view",
                token(DemoData.ORGANIZATION, "viewer")).json();
        List<JsonNode> activities = board.findValues("activities").stream().flatMap(JsonNode::valueStream).toList();
        assertThat(activities).hasSize(11);
        assertThat(board.get("buckets").valueStream().allMatch(bucket -> !bucket.get("activities").isEmpty()))
                .isTrue();
        assertThat(activities.stream().map(activity -> text(activity, "status")).distinct())
                .containsExactlyInAnyOrder("planned", "in_progress", "done", "skipped", "suggestion");
        assertThat(activities.stream().map(activity -> text(activity, "phase")).distinct())
                .containsExactlyInAnyOrder("align", "activate", "adopt");
    }

    @Test
    void withoutTheFlagNothingIsAdded() {
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

        demoData.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single())
                .isEqualTo(before);
    }
}
