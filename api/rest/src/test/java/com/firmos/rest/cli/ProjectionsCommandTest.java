package com.firmos.rest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

class ProjectionsCommandTest extends IntegrationTest {

    @Test
    void statusListsEveryProcessor() {
        Output output = run("status", "--url", baseUrl(), "--token", admin());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("planning-view", "timeline", "fast-track", "invoice-drafting");
    }

    @Test
    void aRebuildFollowsTheProjectionUntilItHasCaughtUp() {
        String activity = new Playbook(api, admin()).activity("Kick-off");

        Output output = run("rebuild", "timeline", "--url", baseUrl(), "--token", admin());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("timeline").contains("rebuilt");
        assertThat(timelineTypes(admin(), activity)).contains("created");
    }

    @Test
    void aRefusalOfTheServerIsReported() {
        Output output = run("rebuild", "timeline", "--url", baseUrl(), "--token", token(tenant, "consultant"));

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains("403");
    }

    @Test
    void withoutACommandItPrintsUsage() {
        assertThat(run("--url", baseUrl(), "--token", admin()).exitCode()).isEqualTo(2);
    }

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ProjectionsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int exitCode, String out, String err) {
    }
}
