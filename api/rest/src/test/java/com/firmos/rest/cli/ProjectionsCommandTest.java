package com.firmos.rest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Cli;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

class ProjectionsCommandTest extends IntegrationTest {

    @Test
    void statusListsEveryProcessor() {
        Cli.Output output = run("status", "--url", baseUrl(), "--token", admin());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("planning-view", "timeline", "fast-track", "invoice-drafting");
    }

    @Test
    void aRebuildFollowsTheProjectionUntilItHasCaughtUp() {
        String activity = new Playbook(api, admin()).activity("Kick-off");

        Cli.Output output = run("rebuild", "timeline", "--url", baseUrl(), "--token", operator());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("timeline").contains("rebuilt");
        assertThat(timelineTypes(admin(), activity)).contains("created");
    }

    @Test
    void aShadowRebuildIsFollowedComparedAndSwitchedIn() {
        new Playbook(api, admin()).activity("Kick-off");

        Cli.Output built = run("shadow", "relations", "--url", baseUrl(), "--token", operator());
        Cli.Output switched = run("switch", "relations", "--url", baseUrl(), "--token", operator());

        assertThat(built.exitCode()).as(built.err()).isZero();
        // Other tests edit stored events behind the projections' back, so whether tables differ depends on them.
        assertThat(built.out()).containsPattern("relation_entity +live \\d+ rows, shadow \\d+ rows")
                .contains("table(s) differ", "projections switch relations");
        assertThat(switched.exitCode()).as(switched.err()).isZero();
        assertThat(switched.out()).contains("relations switched to the rebuilt tables");
    }

    @Test
    void aRefusalOfTheServerIsReported() {
        for (String token : List.of(token(tenant, "consultant"), admin())) {
            Cli.Output output = run("rebuild", "timeline", "--url", baseUrl(), "--token", token);

            assertThat(output.exitCode()).isEqualTo(1);
            assertThat(output.err()).contains("403");
        }
    }

    @Test
    void aTenantAdminsStatusShowsItsOwnLagWithoutTheHead() {
        new Playbook(api, admin()).activity("Kick-off");

        Cli.Output output = run("status", "--url", baseUrl(), "--token", admin());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("planning-view", "lag 0 of your events");
    }

    @Test
    void withoutACommandItPrintsUsage() {
        assertThat(run("--url", baseUrl(), "--token", admin()).exitCode()).isEqualTo(2);
    }

    private static Cli.Output run(String... args) {
        return Cli.run((out, err) -> ProjectionsCommand.run(args, out, err));
    }
}
