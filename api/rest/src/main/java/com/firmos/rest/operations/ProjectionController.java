package com.firmos.rest.operations;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Event processors for admins: status, and rebuilding one projection or all of them. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
class ProjectionController {

    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
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

}
