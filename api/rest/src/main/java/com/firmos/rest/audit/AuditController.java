package com.firmos.rest.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.rest.consistency.ReadAdmission;
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
 * The tenant's audit trail for admins: the stored events as JSON Lines, and the verification of their hash chain.
 * Both stream: an export of millions of events and a long verification start answering at once.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Operations")
class AuditController {

    private static final String WHY = "only admins read the audit trail";

    private final AuditExport export;
    private final AuditChain chain;
    private final ObjectMapper json;

    AuditController(AuditExport export, AuditChain chain, ObjectMapper json) {
        this.export = export;
        this.chain = chain;
        this.json = json;
    }

    @GetMapping("/events")
    @ApiResponse(responseCode = "200", description = "One stored event per line", content = @Content(
            mediaType = JsonLines.MEDIA_TYPE))
    @Operation(summary = "Stored events as JSON Lines: the tenant's, one engagement's (engagementId) or one entity's"
            + " (entityId), with payload and metadata as stored, actor and time")
    void events(@RequestParam Optional<UUID> engagementId, @RequestParam Optional<String> entityId, CurrentUser user,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        user.requireAdmin(null, WHY);
        if (engagementId.isPresent() && entityId.isPresent()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "entityId",
                    "name either engagementId or entityId, not both");
        }
        AuditExport.Scope scope = engagementId.<AuditExport.Scope>map(AuditExport.Scope.Engagement::new)
                .or(() -> entityId.map(AuditExport.Scope.Entity::new)).orElseGet(AuditExport.Scope.Tenant::new);
        ReadAdmission.streaming(request);
        response.setContentType(JsonLines.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + user.organizationId()
                + ".jsonl\"");
        export.write(user.organizationId(), scope, response.getOutputStream(), written -> {
        });
    }

    @GetMapping("/verification")
    @ApiResponse(responseCode = "200", description = "Progress lines, then the verification", content = @Content(
            mediaType = JsonLines.MEDIA_TYPE))
    @Operation(summary = "Verify the tenant's hash chain: JSON Lines of {\"checked\": n} while it runs, then"
            + " {\"verification\": {...}} with the first altered, deleted or inserted event")
    void verification(CurrentUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        user.requireAdmin(null, WHY);
        ReadAdmission.streaming(request);
        response.setContentType(JsonLines.MEDIA_TYPE);
        JsonLines lines = new JsonLines(response.getOutputStream(), json);
        ChainVerification verdict = chain.verify(user.organizationId(), checked -> lines.write(Map.of("checked",
                checked)));
        lines.write(Map.of("verification", verdict));
    }
}
