package com.firmos.rest.project;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

class ProjectApiTest extends IntegrationTest {

    private String engagement;
    private String project;

    @BeforeEach
    void projectInAnEngagement() {
        engagement = engagement().toString();
        Response created = api.post("/api/v1/engagements/" + engagement + "/projects", admin(),
                "{\"name\": \"CRM rollout\", \"description\": \"EU first\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        project = created.text("id");
    }

    @Test
    void newProjectStartsActiveInKickoff() {
        JsonNode view = api.get("/api/v1/projects/" + project, admin()).json();

        assertThat(text(view, "phase")).isEqualTo("kickoff");
        assertThat(text(view, "status")).isEqualTo("active");
        assertThat(text(view, "engagementId")).isEqualTo(engagement);
    }

    @Test
    void phasesMoveForwardOneAtATimeAndBackAny() {
        assertThat(phase("build").status()).isEqualTo(409);
        assertThat(phase("setup").text("phase")).isEqualTo("setup");
        assertThat(phase("build").text("phase")).isEqualTo("build");
        assertThat(phase("kickoff").text("phase")).isEqualTo("kickoff");
    }

    @Test
    void completingRecordsWhenAndEndsChanges() {
        JsonNode completed = api.post("/api/v1/projects/" + project + "/status", admin(),
                "{\"status\": \"completed\"}").json();

        assertThat(completed.get("completedAt").isNull()).isFalse();
        assertThat(api.post("/api/v1/projects/" + project + "/status", admin(), "{\"status\": \"active\"}").status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/projects/" + project + "/tasks", admin(), "{\"title\": \"Late\"}").status())
                .isEqualTo(409);
    }

    @Test
    void deletedProjectLeavesEveryList() {
        Response deleted = api.send("DELETE", "/api/v1/projects/" + project, admin(), null, Map.of());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/projects/" + project, admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + engagement, admin()).json().get("projects").size()).isZero();
        assertThat(api.put("/api/v1/projects/" + project, admin(), "{\"name\": \"Back\"}", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void boardGroupsTasksByStatusCountsPhasesAndFlagsOverdue() {
        String late = task("{\"title\": \"Late\", \"dueDate\": \"" + LocalDate.now().minusDays(2)
                + "\", \"projectPhase\": \"setup\"}");
        task("{\"title\": \"Future\", \"dueDate\": \"" + LocalDate.now().plusDays(9)
                + "\", \"projectPhase\": \"setup\"}");
        String done = task("{\"title\": \"Done late\", \"dueDate\": \"" + LocalDate.now().minusDays(5) + "\"}");
        for (String status : List.of("in_progress", "review", "completed")) {
            api.post("/api/v1/tasks/" + done + "/status", admin(), "{\"status\": \"" + status + "\"}");
        }

        JsonNode board = api.get("/api/v1/projects/" + project + "/board", admin()).json();

        assertThat(text(board, "columns/0/status")).isEqualTo("todo");
        assertThat(at(board, "columns/0/tasks").size()).isEqualTo(2);
        assertThat(text(board, "columns/3/tasks/0/title")).isEqualTo("Done late");
        assertThat(number(board, "overdueCount")).isEqualTo(1);
        JsonNode lateTask = at(board, "columns/0/tasks/0");
        assertThat(text(lateTask, "id")).isEqualTo(late);
        assertThat(flag(lateTask, "overdue")).isTrue();
        assertThat(board.get("tasksPerPhase").valueStream()
                .filter(count -> "setup".equals(text(count, "phase"))).findFirst()
                .map(count -> number(count, "tasks")).orElseThrow()).isEqualTo(2);
    }

    @Test
    void tasksFollowTheirStateMachine() {
        String task = task(
                "{\"title\": \"SSO\", \"priority\": \"urgent\", \"effort\": \"heavy\", \"critical\": true}");

        assertThat(taskStatus(task, "review").status()).isEqualTo(409);
        assertThat(taskStatus(task, "in_progress").text("status")).isEqualTo("in_progress");
        assertThat(taskStatus(task, "review").text("status")).isEqualTo("review");
        JsonNode completed = taskStatus(task, "completed").json();
        assertThat(completed.get("completedAt").isNull()).isFalse();
        assertThat(taskStatus(task, "cancelled").status()).isEqualTo(409);
        assertThat(flag(completed, "critical")).isTrue();
        assertThat(text(completed, "priority")).isEqualTo("urgent");
    }

    @Test
    void anyOpenTaskCanBeCancelled() {
        String task = task("{\"title\": \"Maybe\"}");

        assertThat(taskStatus(task, "cancelled").text("status")).isEqualTo("cancelled");
    }

    @Test
    void tasksCanBeEditedAndAssigned() {
        String task = task("{\"title\": \"SSO\"}");

        Response edited = api.put("/api/v1/tasks/" + task, admin(),
                "{\"title\": \"SSO for EU\", \"milestone\": true, \"projectPhase\": \"build\"}", Map.of());
        Response assigned = api.put("/api/v1/tasks/" + task + "/assignee", admin(), "{\"assigneeId\": \"user_bob\"}",
                Map.of());

        assertThat(edited.flag("milestone")).isTrue();
        assertThat(edited.text("projectPhase")).isEqualTo("build");
        assertThat(assigned.text("assigneeId")).isEqualTo("user_bob");
    }

    @Test
    void taskWithoutTitleIsRefused() {
        Response refused = api.post("/api/v1/projects/" + project + "/tasks", admin(), "{\"priority\": \"high\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("title");
    }

    @Test
    void anotherTenantCannotSeeOrAddToTheProject() {
        String intruder = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/projects/" + project, intruder).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/projects/" + project + "/board", intruder).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/projects/" + project + "/tasks", intruder, "{\"title\": \"x\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/projects/" + project + "/phase", intruder, "{\"phase\": \"setup\"}").status())
                .isEqualTo(404);
    }

    private Response phase(String phase) {
        return api.post("/api/v1/projects/" + project + "/phase", admin(), "{\"phase\": \"" + phase + "\"}");
    }

    private String task(String body) {
        Response created = api.post("/api/v1/projects/" + project + "/tasks", admin(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private Response taskStatus(String task, String status) {
        return api.post("/api/v1/tasks/" + task + "/status", admin(), "{\"status\": \"" + status + "\"}");
    }
}
