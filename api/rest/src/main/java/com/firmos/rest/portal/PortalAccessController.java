package com.firmos.rest.portal;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.portal.FindPortalAccessesQuery;
import com.firmos.api.messages.portal.GrantPortalAccessCommand;
import com.firmos.api.messages.portal.PortalAccessList;
import com.firmos.api.messages.portal.PortalAccessView;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.api.messages.portal.RevokePortalAccessCommand;
import com.firmos.api.messages.portal.RotatePortalLinkCommand;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Staff hand out portal access: a magic link per client contact and engagement, whose token is shown once, in the
 * answer that makes it, and never again. Rotating replaces the token; revoking ends the access.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Client Portal access")
class PortalAccessController {

    static final int PASSWORD_MIN = 8;

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final PasswordEncoder passwords;

    PortalAccessController(RequestCommands commands, QueryGateway queries, PasswordEncoder passwords) {
        this.commands = commands;
        this.queries = queries;
        this.passwords = passwords;
    }

    /** {@code singleUse} defaults to false: the link works until it expires or is rotated or revoked. */
    record GrantRequest(String contactName, Set<PortalSection> sections, Instant expiresAt, String password,
            Boolean singleUse) {
    }

    /** The token appears here only: the server keeps its hash. */
    record IssuedLink(PortalAccessView access, String token) {
    }

    @PostMapping("/engagements/{engagementId}/portal-access")
    @Operation(summary = "Give a client contact a magic link to the engagement; the token is in this answer only")
    ResponseEntity<IssuedLink> grant(@PathVariable UUID engagementId, @RequestBody GrantRequest body,
            CurrentUser user, HttpServletRequest request) {
        if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "expiresAt", "expiresAt must lie ahead");
        }
        if (body.password() != null && body.password().length() < PASSWORD_MIN) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "password",
                    "a password has at least " + PASSWORD_MIN + " characters");
        }
        UUID id = UUID.randomUUID();
        String token = PortalTokens.fresh();
        commands.send(new GrantPortalAccessCommand(id, user.organizationId(), engagementId, body.contactName(),
                body.sections(), body.expiresAt(), Boolean.TRUE.equals(body.singleUse()), PortalTokens.hash(token),
                body.password() == null ? null : passwords.encode(body.password())), id, user, request);
        PortalAccessView access = list(engagementId, user).accesses().stream()
                .filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("portal access " + id));
        return ResponseEntity.created(URI.create("/api/v1/portal-access/" + id)).body(new IssuedLink(access, token));
    }

    @GetMapping("/engagements/{engagementId}/portal-access")
    @Operation(summary = "The engagement's portal accesses with their last access time, never their tokens")
    PortalAccessList list(@PathVariable UUID engagementId, CurrentUser user) {
        return queries.query(new FindPortalAccessesQuery(user.organizationId(), engagementId),
                ResponseTypes.instanceOf(PortalAccessList.class)).join();
    }

    record RotatedLink(UUID accessId, String token) {
    }

    @PostMapping("/portal-access/{id}/rotation")
    @Operation(summary = "Replace the link's token: the old one stops working at once; the new one is shown once")
    RotatedLink rotate(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        String token = PortalTokens.fresh();
        commands.send(new RotatePortalLinkCommand(id, user.organizationId(), PortalTokens.hash(token)), id, user,
                request);
        return new RotatedLink(id, token);
    }

    @DeleteMapping("/portal-access/{id}")
    @Operation(summary = "Revoke the access: its link stops working at once")
    ResponseEntity<Void> revoke(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new RevokePortalAccessCommand(id, user.organizationId()), id, user, request);
        return ResponseEntity.noContent().build();
    }
}
