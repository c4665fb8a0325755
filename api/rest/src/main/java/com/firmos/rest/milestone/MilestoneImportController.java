package com.firmos.rest.milestone;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.operations.JsonLines;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * The legacy migration for admins: a JSON export of the old Workbench's {@code engagements} and
 * {@code engagement_phase_milestones} goes into the caller's tenant. The {@code migrate} sub-command reads the old
 * database itself and sends the same export, so the server never connects to a database a request names.
 */
@RestController
@RequestMapping("/api/v1/admin/migrations")
@Tag(name = "Operations")
class MilestoneImportController {

    private final MilestoneImport importer;
    private final ObjectMapper json;

    MilestoneImportController(MilestoneImport importer, ObjectMapper json) {
        this.importer = importer;
        this.json = json;
    }

    @PostMapping("/milestones")
    @ApiResponse(responseCode = "200", description = "Progress lines, then the report", content = @Content(
            mediaType = JsonLines.MEDIA_TYPE))
    @Operation(summary = "Import milestones as activities from a JSON export of the old tables; JSON Lines of"
            + " {\"engagement\": n, \"of\": total} as it goes, then {\"report\": {...}} with the verification")
    void importMilestones(@RequestParam String sourceOrganization,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody LegacyExport export,
            CurrentUser user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        user.requireAdmin(null, "only admins run migrations");
        if (export == null || export.engagements() == null || export.milestones() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "required", "engagement_phase_milestones",
                    "the export needs both tables: engagements and engagement_phase_milestones");
        }
        Map<String, Object> metadata = RequestCommands.metadata(user, request);
        response.setContentType(JsonLines.MEDIA_TYPE);
        JsonLines lines = new JsonLines(response.getOutputStream(), json);
        MilestoneImportReport report = importer.run(user.organizationId(), sourceOrganization, export, dryRun,
                metadata, (done, of) -> lines.write(Map.of("engagement", done, "of", of)));
        lines.write(Map.of("report", report));
    }
}
