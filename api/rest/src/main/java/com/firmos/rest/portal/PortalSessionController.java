package com.firmos.rest.portal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.portal.ExchangePortalLinkCommand;
import com.firmos.api.messages.portal.FindPortalLinkQuery;
import com.firmos.api.messages.portal.PortalLink;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a magic link leads. Opening it (GET or HEAD) only says whether it works and needs a password, and changes
 * nothing, so a mail scanner that follows links cannot use one up. Posting the token (and password) starts a
 * portal session. Every kind of failure gets the same 401, and failures are limited per token and per address,
 * counted before the token and the password are checked.
 */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Client Portal")
class PortalSessionController {

    private static final String INVALID = "the link is not valid: it may have expired or been replaced or revoked,"
            + " or the password is wrong";

    private final QueryGateway queries;
    private final RequestCommands commands;
    private final PortalSessions sessions;
    private final PortalAttempts attempts;
    private final PasswordEncoder passwords;
    private final PersonalData personalData;

    PortalSessionController(QueryGateway queries, RequestCommands commands, PortalSessions sessions,
            PortalAttempts attempts, PasswordEncoder passwords, PersonalData personalData) {
        this.queries = queries;
        this.commands = commands;
        this.sessions = sessions;
        this.attempts = attempts;
        this.passwords = passwords;
        this.personalData = personalData;
    }

    record LinkCheck(boolean passwordRequired, Instant expiresAt) {
    }

    record ExchangeRequest(String token, String password) {
    }

    record SessionStarted(String sessionToken, Instant expiresAt, UUID engagementId, List<PortalSection> sections) {
    }

    record PortalSession(Instant expiresAt, UUID engagementId, List<PortalSection> sections) {
    }

    @RequestMapping(path = "/links/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    @Operation(summary = "Whether a magic link works and needs a password; never uses the link up")
    LinkCheck check(@PathVariable String token, HttpServletRequest request) {
        PortalAttempts.Attempt attempt = begin(token, request);
        PortalLink link = usable(token);
        attempts.succeeded(attempt);
        return new LinkCheck(link.passwordHash() != null, link.expiresAt());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/sessions")
    @Operation(summary = "Exchange a magic link's token (and password, when it has one) for a portal session")
    ResponseEntity<SessionStarted> exchange(@RequestBody ExchangeRequest body, HttpServletRequest request) {
        String token = body == null || body.token() == null ? "" : body.token();
        PortalAttempts.Attempt attempt = begin(token, request);
        PortalLink link = usable(token);
        if (link.passwordHash() != null && (body.password() == null
                || !passwords.matches(body.password(), link.passwordHash()))) {
            throw refused();
        }
        CurrentUser contact = new CurrentUser("portal:" + link.accessId(), PortalUser.ACTOR_NAME,
                link.organizationId(), Role.CLIENT);
        try {
            // Admitted as the link's tenant's command; returns once the link is seen used and its last access.
            commands.send(new ExchangePortalLinkCommand(link.accessId(), link.organizationId(), link.tokenHash(),
                    Instant.now()), contact, request);
        } catch (CommandExecutionException notUsable) {
            throw refused();
        }
        attempts.succeeded(attempt);
        PortalSessions.Session session = sessions.mint(link,
                personalData.unseal(link.organizationId(), link.contactName()).orElse(null));
        // The session is the token the caller holds: its Location reads it back without the token.
        return ResponseEntity.created(URI.create("/api/v1/portal/session")).body(new SessionStarted(session.token(),
                session.expiresAt(), link.engagementId(), link.sections().stream().sorted().toList()));
    }

    @GetMapping("/session")
    @Operation(summary = "The session this request holds: its engagement, its sections and when it ends; never the"
            + " token")
    PortalSession session(PortalUser user) {
        return new PortalSession(user.expiresAt(), user.engagementId(), user.sections().stream().sorted().toList());
    }

    /** The attempt, counted as failed until it succeeds; 429 once the token or the address has no failures left. */
    private PortalAttempts.Attempt begin(String token, HttpServletRequest request) {
        return attempts.begin(PortalTokens.hash(token), request.getRemoteAddr()).orElseThrow(() -> new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "token",
                "too many failed attempts; wait a few minutes before trying again", attempts.window()));
    }

    /** The link behind the token when it can still be used; otherwise the one answer for every failure. */
    private PortalLink usable(String token) {
        String hash = PortalTokens.hash(token);
        PortalLink link = queries.query(new FindPortalLinkQuery(hash), ResponseTypes.instanceOf(PortalLink.class))
                .join();
        boolean usable = link != null && PortalTokens.same(hash, link.tokenHash()) && link.active()
                && (link.expiresAt() == null || Instant.now().isBefore(link.expiresAt()))
                && !(link.singleUse() && link.used());
        if (!usable) {
            throw refused();
        }
        return link;
    }

    /** The attempt stays counted as a failure. */
    private static ApiProblem refused() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-link", "token", INVALID);
    }
}
