package com.firmos.query.project;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.project.FindProjectBoardQuery;
import com.firmos.api.messages.project.FindProjectQuery;
import com.firmos.api.messages.project.FindTaskQuery;
import com.firmos.api.messages.project.PhaseCount;
import com.firmos.api.messages.project.ProjectBoard;
import com.firmos.api.messages.project.ProjectPhase;
import com.firmos.api.messages.project.ProjectStatus;
import com.firmos.api.messages.project.ProjectView;
import com.firmos.api.messages.project.TaskColumn;
import com.firmos.api.messages.project.TaskEffort;
import com.firmos.api.messages.project.TaskPriority;
import com.firmos.api.messages.project.TaskStatus;
import com.firmos.api.messages.project.TaskView;

/**
 * Projects, their boards and tasks. Overdue is judged when the query runs (due before today, not finished):
 * time passes without events, so it is never stored.
 */
@Component
class ProjectQueries {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ProjectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ProjectView handle(FindProjectQuery query) {
        return jdbc.sql("SELECT * FROM project WHERE id = :id AND organization_id = :org AND deleted_at IS NULL")
                .param("id", query.projectId()).param("org", query.organizationId())
                .query((rs, n) -> project(rs))
                .optional().orElse(null);
    }

    @QueryHandler
    ProjectBoard handle(FindProjectBoardQuery query) {
        ProjectView project = handle(new FindProjectQuery(query.organizationId(), query.projectId()));
        if (project == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        List<TaskView> tasks = jdbc.sql("""
                SELECT * FROM task WHERE project_id = :id AND organization_id = :org
                ORDER BY due_date NULLS LAST, created_at, id""")
                .param("id", query.projectId()).param("org", query.organizationId())
                .query((rs, n) -> task(rs, today))
                .list();
        List<TaskColumn> columns = Arrays.stream(TaskStatus.values())
                .map(status -> new TaskColumn(status, tasks.stream().filter(t -> t.status() == status).toList()))
                .toList();
        Map<ProjectPhase, Integer> perPhase = new LinkedHashMap<>();
        Arrays.stream(ProjectPhase.values()).forEach(phase -> perPhase.put(phase, 0));
        tasks.forEach(task -> perPhase.merge(task.projectPhase(), 1, Integer::sum));
        List<PhaseCount> counts = perPhase.entrySet().stream()
                .map(entry -> new PhaseCount(entry.getKey(), entry.getValue()))
                .toList();
        int overdue = (int) tasks.stream().filter(TaskView::overdue).count();
        return new ProjectBoard(project, columns, counts, overdue);
    }

    @QueryHandler
    TaskView handle(FindTaskQuery query) {
        return jdbc.sql("SELECT * FROM task WHERE id = :id AND organization_id = :org")
                .param("id", query.taskId()).param("org", query.organizationId())
                .query((rs, n) -> task(rs, LocalDate.now(clock)))
                .optional().orElse(null);
    }

    private static ProjectView project(ResultSet rs) throws SQLException {
        return new ProjectView(uuid(rs, "id"), rs.getString("organization_id"), uuid(rs, "engagement_id"),
                rs.getString("name"), rs.getString("description"), uuid(rs, "service_template_id"),
                parse(ProjectPhase.class, rs.getString("phase")), parse(ProjectStatus.class, rs.getString("status")),
                instant(rs, "completed_at"), instant(rs, "created_at"), rs.getLong("version"));
    }

    private static TaskView task(ResultSet rs, LocalDate today) throws SQLException {
        TaskStatus status = parse(TaskStatus.class, rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        boolean open = status != TaskStatus.COMPLETED && status != TaskStatus.CANCELLED;
        return new TaskView(uuid(rs, "id"), rs.getString("organization_id"), uuid(rs, "engagement_id"),
                uuid(rs, "project_id"), rs.getString("title"), rs.getString("description"), status,
                parse(TaskPriority.class, rs.getString("priority")), parse(TaskEffort.class, rs.getString("effort")),
                due, rs.getBoolean("milestone"), rs.getBoolean("critical"), rs.getString("assignee_id"),
                parse(ProjectPhase.class, rs.getString("project_phase")),
                open && Objects.nonNull(due) && due.isBefore(today), instant(rs, "completed_at"),
                instant(rs, "created_at"), rs.getLong("version"));
    }
}
