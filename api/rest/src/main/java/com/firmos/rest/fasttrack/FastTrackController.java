package com.firmos.rest.fasttrack;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.fasttrack.ChangeToolDocumentStatusCommand;
import com.firmos.api.messages.fasttrack.FastTrackDashboard;
import com.firmos.api.messages.fasttrack.FindFastTrackDashboardQuery;
import com.firmos.api.messages.fasttrack.FindToolCatalogQuery;
import com.firmos.api.messages.fasttrack.FindToolDocumentDiffQuery;
import com.firmos.api.messages.fasttrack.FindToolDocumentQuery;
import com.firmos.api.messages.fasttrack.FindToolDocumentVersionsQuery;
import com.firmos.api.messages.fasttrack.PatchToolDocumentCommand;
import com.firmos.api.messages.fasttrack.SaveToolDocumentCommand;
import com.firmos.api.messages.fasttrack.StartToolDocumentCommand;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolCatalogView;
import com.firmos.api.messages.fasttrack.ToolDocumentDiff;
import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.api.messages.fasttrack.ToolDocumentVersion;
import com.firmos.api.messages.fasttrack.ToolDocumentVersions;
import com.firmos.api.messages.fasttrack.ToolDocumentView;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Fast Track tool catalog and the caller's own document of each tool. Client contacts fill in their own
 * documents through the portal path: their documents are theirs ({@code portal:<access>}), and a tool opens to them
 * only when staff granted that id access to it.
 */
@RestController
@RequestMapping({"/api/v1/fast-track", "/api/v1/portal/fast-track"})
@Tag(name = "Fast Track")
class FastTrackController {

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final ToolAccessGuard access;

    FastTrackController(RequestCommands commands, QueryGateway queries, ToolAccessGuard access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @Schema(name = "ToolDocumentStatusRequest")
    record StatusRequest(ToolDocumentStatus status) {
    }

    @GetMapping("/tools")
    @Operation(summary = "The 30 tools in sprint order with the JSON Schema of each tool's data")
    ToolCatalogView catalog() {
        return queries.query(new FindToolCatalogQuery(), ResponseTypes.instanceOf(ToolCatalogView.class)).join();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/tools/{slug}/document")
    @Operation(summary = "Start your document of the tool; starting it again returns the one you have")
    ResponseEntity<ToolDocumentView> start(@PathVariable String slug, CurrentUser user, HttpServletRequest request) {
        access.require(user, slug, ToolAccessLevel.EDIT);
        UUID id = ToolDocumentIds.of(user, slug);
        commands.send(new StartToolDocumentCommand(id, user.organizationId(), user.userId(), slug), user, request);
        ToolDocumentView document = document(user, slug);
        return ResponseEntity.created(URI.create(ToolDocumentIds.path(user, slug)))
                .eTag(Versions.etag(document.version())).body(document);
    }

    @GetMapping("/tools/{slug}/document")
    @Operation(summary = "The caller's document of a tool, as last saved")
    ResponseEntity<ToolDocumentView> get(@PathVariable String slug, CurrentUser user) {
        access.require(user, slug, ToolAccessLevel.VIEW);
        ToolDocumentView document = document(user, slug);
        return ResponseEntity.ok().eTag(Versions.etag(document.version())).body(document);
    }

    @PutMapping("/tools/{slug}/document")
    @Operation(summary = "Replace the data; If-Match names the version you read, an older one gets 409")
    ResponseEntity<ToolDocumentView> save(@PathVariable String slug, @RequestBody Map<String, Object> data,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        access.require(user, slug, ToolAccessLevel.EDIT);
        UUID id = ToolDocumentIds.of(user, slug);
        commands.send(new SaveToolDocumentCommand(id, user.organizationId(), user.userId(), required(expected), data),
                user, request);
        return get(slug, user);
    }

    @PatchMapping(path = "/tools/{slug}/document", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change the data by a JSON merge patch; If-Match names the version you read")
    ResponseEntity<ToolDocumentView> patch(@PathVariable String slug, @RequestBody Map<String, Object> patch,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        access.require(user, slug, ToolAccessLevel.EDIT);
        UUID id = ToolDocumentIds.of(user, slug);
        commands.send(new PatchToolDocumentCommand(id, user.organizationId(), user.userId(), required(expected), patch),
                user, request);
        return get(slug, user);
    }

    @PostMapping("/tools/{slug}/document/status")
    @Operation(summary = "Move the document on (in_progress, completed, submitted) or reopen a completed one")
    ResponseEntity<ToolDocumentView> status(@PathVariable String slug, @RequestBody StatusRequest body,
            CurrentUser user, HttpServletRequest request) {
        access.require(user, slug, ToolAccessLevel.EDIT);
        UUID id = ToolDocumentIds.of(user, slug);
        commands.send(new ChangeToolDocumentStatusCommand(id, user.organizationId(), user.userId(), body.status()),
                user, request);
        return get(slug, user);
    }

    @GetMapping("/tools/{slug}/document/versions")
    @Operation(summary = "Every saved version of your document, oldest first; version 0 is the empty start")
    ToolDocumentVersions versions(@PathVariable String slug, CurrentUser user) {
        access.require(user, slug, ToolAccessLevel.VIEW);
        ToolDocumentVersions found = queries.query(new FindToolDocumentVersionsQuery(user.organizationId(),
                user.userId(), slug), ResponseTypes.instanceOf(ToolDocumentVersions.class)).join();
        // Every started document has its version 0: none means there is no document to have versions.
        if (found.versions().isEmpty()) {
            throw ApiProblem.notFound("your document of " + slug);
        }
        return found;
    }

    @GetMapping("/tools/{slug}/document/versions/{version}")
    @Operation(summary = "One saved version of the caller's document of a tool")
    ToolDocumentVersion version(@PathVariable String slug, @PathVariable long version, CurrentUser user) {
        return versions(slug, user).versions().stream().filter(saved -> saved.version() == version).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("version " + version));
    }

    @GetMapping("/tools/{slug}/document/diff")
    @Operation(summary = "Members added, removed or changed between two versions of your document")
    ToolDocumentDiff diff(@PathVariable String slug, @RequestParam long from, @RequestParam long to,
            CurrentUser user) {
        access.require(user, slug, ToolAccessLevel.VIEW);
        return queries.query(new FindToolDocumentDiffQuery(user.organizationId(), user.userId(), slug, from, to),
                        ResponseTypes.optionalInstanceOf(ToolDocumentDiff.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("version"));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Your tools with their status; admins may ask for everyone's (all=true)")
    FastTrackDashboard dashboard(@RequestParam(defaultValue = "false") boolean all, CurrentUser user) {
        if (all) {
            user.requireAdmin("all", "only admins see everyone's tools");
        }
        return queries.query(new FindFastTrackDashboardQuery(user.organizationId(), all ? null : user.userId()),
                ResponseTypes.instanceOf(FastTrackDashboard.class)).join();
    }

    private static long required(Long expected) {
        if (expected == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match",
                    "a save names the version it was made from in If-Match");
        }
        return expected;
    }

    private ToolDocumentView document(CurrentUser user, String slug) {
        return queries.query(new FindToolDocumentQuery(user.organizationId(), user.userId(), slug),
                        ResponseTypes.optionalInstanceOf(ToolDocumentView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("tool document"));
    }
}
