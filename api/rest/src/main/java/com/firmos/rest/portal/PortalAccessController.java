package com.firmos.rest.portal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.firmos.api.messages.portal.ErasePortalContactCommand;
import com.firmos.api.messages.portal.FindPortalAccessQuery;
import com.firmos.api.messages.portal.FindPortalAccessesQuery;
import com.firmos.api.messages.portal.GrantPortalAccessCommand;
import com.firmos.api.messages.portal.PortalAccessList;
import com.firmos.api.messages.portal.PortalAccessView;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.api.messages.portal.RevokePortalAccessCommand;
import com.firmos.api.messages.portal.RotatePortalLinkCommand;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.idempotency.ShownOnce;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
    static final int NAME_MAX = 200;
    private static final String TOKEN_SHOWN_ONCE = "the token is shown in the first answer only;"
            + " POST /api/v1/portal-access/%s/rotation replaces the link with a new one";

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final PasswordEncoder passwords;
    private final PersonalData personalData;

    PortalAccessController(RequestCommands commands, QueryGateway queries, PasswordEncoder passwords,
            PersonalData personalData) {
        this.commands = commands;
        this.queries = queries;
        this.passwords = passwords;
        this.personalData = personalData;
    }

    /** An access as staff read it: the contact's name unsealed, or absent once the contact was erased. */
    record Access(UUID id, UUID engagementId, UUID clientId, String contactName, boolean contactErased,
            Set<PortalSection> sections, Instant expiresAt, boolean singleUse, boolean passwordProtected,
            String status, String grantedBy, Instant grantedAt, Instant lastAccessAt, long version) {
    }

    record Accesses(List<Access> accesses) {
    }

    /** {@code singleUse} defaults to false: the link works until it expires or is rotated or revoked. */
    @Schema(name = "PortalAccessGrantRequest")
    record GrantRequest(String contactName, Set<PortalSection> sections, Instant expiresAt, String password,
            Boolean singleUse) {
    }

    /** The token appears here only: the server keeps its hash. */
    /** The token, or when a retry cannot show it (null) the detail of how to get a new one. */
    record IssuedLink(Access access, String token, @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/engagements/{engagementId}/portal-access")
    @Operation(summary = "Give a client contact a magic link to the engagement; the token is in this answer only")
    ResponseEntity<IssuedLink> grant(@PathVariable UUID engagementId, @RequestBody GrantRequest body,
            CurrentUser user, HttpServletRequest request) {
        if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "expiresAt", "expiresAt must lie ahead");
        }
        if (body.contactName() == null || body.contactName().isBlank() || body.contactName().length() > NAME_MAX) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "contactName",
                    "contactName is required, at most " + NAME_MAX + " characters");
        }
        if (body.password() != null && body.password().length() < PASSWORD_MIN) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "password",
                    "a password has at least " + PASSWORD_MIN + " characters");
        }
        UUID id = commands.newId(request);
        personalData.claim(user.organizationId(), id, PersonalData.PersonKind.PORTAL_CONTACT, null);
        String token = PortalTokens.fresh();
        boolean granted = commands.send(new GrantPortalAccessCommand(id, user.organizationId(), engagementId,
                personalData.seal(user.organizationId(), id, body.contactName()),
                body.sections(), body.expiresAt(), Boolean.TRUE.equals(body.singleUse()), PortalTokens.hash(token),
                body.password() == null ? null : passwords.encode(body.password())), user, request);
        Access access = access(id, user);
        tokenShownOnce(request, id);
        // A retry of a grant whose first answer was lost: the link stands, its token went with that answer.
        return ResponseEntity.created(URI.create("/api/v1/portal-access/" + id)).body(granted
                ? new IssuedLink(access, token, null) : new IssuedLink(access, null, TOKEN_SHOWN_ONCE.formatted(id)));
    }

    @GetMapping("/engagements/{engagementId}/portal-access")
    @Operation(summary = "The engagement's portal accesses with their last access time, never their tokens")
    Accesses list(@PathVariable UUID engagementId, CurrentUser user) {
        return new Accesses(queries.query(new FindPortalAccessesQuery(user.organizationId(), engagementId),
                ResponseTypes.instanceOf(PortalAccessList.class)).join().accesses().stream()
                .map(view -> shown(view, user.organizationId())).toList());
    }

    @GetMapping("/portal-access/{id}")
    @Operation(summary = "One portal access with its last access time, never its token")
    Access access(@PathVariable UUID id, CurrentUser user) {
        return queries.query(new FindPortalAccessQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(PortalAccessView.class)).join()
                .map(view -> shown(view, user.organizationId()))
                .orElseThrow(() -> ApiProblem.notFound("portal access"));
    }

    private Access shown(PortalAccessView view, String organizationId) {
        String name = view.contactErased() ? null
                : personalData.unseal(organizationId, view.contactName()).orElse(null);
        return new Access(view.id(), view.engagementId(), view.clientId(), name, view.contactErased() || name == null,
                view.sections(), view.expiresAt(), view.singleUse(), view.passwordProtected(), view.status(),
                view.grantedBy(), view.grantedAt(), view.lastAccessAt(), view.version());
    }

    /** {@code detail} only in a replay, whose token is null (ShownOnce). */
    record RotatedLink(UUID accessId, String token, @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
    }

    @PostMapping("/portal-access/{id}/rotation")
    @Operation(summary = "Replace the link's token: the old one stops working at once; the new one is shown once")
    RotatedLink rotate(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        String token = PortalTokens.fresh();
        commands.send(new RotatePortalLinkCommand(id, user.organizationId(), PortalTokens.hash(token)), user, request);
        tokenShownOnce(request, id);
        return new RotatedLink(id, token, null);
    }

    /** A retry with the same Idempotency-Key gets this answer again, but never the token: the server keeps none. */
    private static void tokenShownOnce(HttpServletRequest request, UUID id) {
        ShownOnce.field(request, "token", TOKEN_SHOWN_ONCE.formatted(id));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/portal-access/{id}/erasure")
    @Operation(summary = "Erase the contact behind an access (admins): revoked, and their name unreadable everywhere,"
            + " in events and tables; the erasure itself stays in the audit trail")
    ResponseEntity<Void> erase(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        user.requireAdmin(null, "only admins erase people");
        commands.send(new ErasePortalContactCommand(id, user.organizationId()), user, request);
        personalData.erase(user.organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/portal-access/{id}")
    @Operation(summary = "Revoke the access: its link stops working at once")
    ResponseEntity<Void> revoke(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new RevokePortalAccessCommand(id, user.organizationId()), user, request);
        return ResponseEntity.noContent().build();
    }
}
