package com.firmos.rest.operations;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.query.shadow.ShadowRebuilds;
import com.firmos.query.shadow.ShadowStatus;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Event processors for admins: status, and rebuilding one projection or all of them. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
class ProjectionController {

    private final Projections projections;
    private final ShadowRebuilds shadows;

    ProjectionController(Projections projections, ShadowRebuilds shadows) {
        this.projections = projections;
        this.shadows = shadows;
    }

    @GetMapping
    @Operation(summary = "Every event processor: segments and owners, position, lag behind the head, errors")
    List<ProjectionStatus> all(CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return projections.all();
    }

    @GetMapping("/{name}")
    ProjectionStatus one(@PathVariable String name, CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return projections.one(name);
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Clear the projection's tables and replay every event into them; poll the status")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name, CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return ResponseEntity.accepted().body(projections.rebuild(name));
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every projection that can be replayed")
    ResponseEntity<List<ProjectionStatus>> rebuildAll(CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return ResponseEntity.accepted().body(projections.rebuildAll());
    }

    @PostMapping("/{name}/shadow")
    @Operation(summary = "Rebuild the projection into shadow tables while the live ones keep serving; poll the"
            + " shadow's status for progress and the comparison with the live tables")
    ResponseEntity<ShadowStatus> startShadow(@PathVariable String name, CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return ResponseEntity.accepted().body(shadows.start(name));
    }

    @GetMapping("/{name}/shadow")
    @Operation(summary = "The shadow rebuild's progress, and row counts and checksums of its tables against the"
            + " live ones")
    ShadowStatus shadow(@PathVariable String name, CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return shadows.status(name);
    }

    @PostMapping("/{name}/shadow/switch")
    @Operation(summary = "Switch the caught-up shadow in, in one transaction; answers the comparison as it stood"
            + " just before")
    ShadowStatus switchShadow(@PathVariable String name, CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        return shadows.switchOver(name);
    }

    @DeleteMapping("/{name}/shadow")
    @Operation(summary = "Abandon the shadow rebuild and drop its tables")
    ResponseEntity<Void> cancelShadow(@PathVariable String name, CurrentUser user) {
        user.requireAdmin(null, "only admins operate projections");
        shadows.cancel(name);
        return ResponseEntity.noContent().build();
    }
}
