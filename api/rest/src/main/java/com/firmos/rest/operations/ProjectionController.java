package com.firmos.rest.operations;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.platform.projections.ProjectionStatus;
import com.firmos.platform.projections.Projections;
import com.firmos.query.shadow.ShadowRebuilds;
import com.firmos.query.shadow.ShadowStatus;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Event processors: operators see every detail and rebuild, shadow and switch projections, which changes what every
 * tenant reads; a tenant's admin sees only how far behind its own data is and its own parked events.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
class ProjectionController {

    private static final String OPERATORS_ONLY = "only platform operators rebuild, shadow or switch projections:"
            + " it changes what every tenant reads";

    private final Projections projections;
    private final ShadowRebuilds shadows;

    ProjectionController(Projections projections, ShadowRebuilds shadows) {
        this.projections = projections;
        this.shadows = shadows;
    }

    @GetMapping
    @Operation(summary = "Every event processor: segments and owners, position, lag behind the head, errors")
    List<ProjectionStatus> all(CurrentUser user) {
        return user.role() == Role.OPERATOR ? projections.all() : projections.allForTenant(user.organizationId());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One event processor; for a tenant admin without head and segments, lag counting only"
            + " the tenant's events")
    ProjectionStatus one(@PathVariable String name, CurrentUser user) {
        return user.role() == Role.OPERATOR ? projections.one(name)
                : projections.oneForTenant(name, user.organizationId());
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Clear the projection's tables and replay every event into them; poll the status")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name, CurrentUser user) {
        user.requireOperator(OPERATORS_ONLY);
        return ResponseEntity.accepted().body(projections.rebuild(name));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every projection that can be replayed")
    ResponseEntity<List<ProjectionStatus>> rebuildAll(CurrentUser user) {
        user.requireOperator(OPERATORS_ONLY);
        return ResponseEntity.accepted().body(projections.rebuildAll());
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{name}/shadow")
    @Operation(summary = "Rebuild the projection into shadow tables while the live ones keep serving; poll the"
            + " shadow's status for progress and the comparison with the live tables")
    ResponseEntity<ShadowStatus> startShadow(@PathVariable String name, CurrentUser user) {
        user.requireOperator(OPERATORS_ONLY);
        return ResponseEntity.accepted().body(shadows.start(name));
    }

    @GetMapping("/{name}/shadow")
    @Operation(summary = "The shadow rebuild's progress, and row counts and checksums of its tables against the"
            + " live ones")
    ShadowStatus shadow(@PathVariable String name, CurrentUser user) {
        user.requireOperator(OPERATORS_ONLY);
        return shadows.status(name);
    }

    @PostMapping("/{name}/shadow/switch")
    @Operation(summary = "Switch the caught-up shadow in, in one transaction; answers the comparison as it stood"
            + " just before")
    ShadowStatus switchShadow(@PathVariable String name, CurrentUser user) {
        user.requireOperator(OPERATORS_ONLY);
        return shadows.switchOver(name);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{name}/shadow")
    @Operation(summary = "Abandon the shadow rebuild and drop its tables")
    ResponseEntity<Void> cancelShadow(@PathVariable String name, CurrentUser user) {
        user.requireOperator(OPERATORS_ONLY);
        shadows.cancel(name);
        return ResponseEntity.noContent().build();
    }
}
