package com.firmos.rest.privacy;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.activity.EraseTeamMemberCommand;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Erasure of people without an account who were on activity teams, by the id the planning view shows. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Privacy")
class TeamMemberErasureController {

    private final RequestCommands commands;
    private final PersonalData personalData;

    TeamMemberErasureController(RequestCommands commands, PersonalData personalData) {
        this.commands = commands;
        this.personalData = personalData;
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/team-members/{nonUserMemberId}/erasure")
    @Operation(summary = "Erase a person without an account (admins): their name and email unreadable on every team,"
            + " in events and tables; the erasure itself stays in the audit trail")
    ResponseEntity<Void> erase(@PathVariable UUID nonUserMemberId, CurrentUser user, HttpServletRequest request) {
        user.requireAdmin(null, "only admins erase people");
        // Their key (or an earlier erasure) tells whose person this is; an id of another tenant is unknown here.
        // A stakeholder's, vendor's or contact's id is no team member's: their own erasure is theirs to ask for.
        if (!personalData.knows(user.organizationId(), nonUserMemberId) || personalData.kindOf(user.organizationId(),
                nonUserMemberId).filter(kind -> kind != PersonalData.PersonKind.GUEST).isPresent()) {
            throw ApiProblem.notFound("team member");
        }
        EraseTeamMemberCommand erase = EraseTeamMemberCommand.of(nonUserMemberId, user.organizationId(),
                user.actor());
        commands.send(erase, user, request);
        personalData.erase(user.organizationId(), nonUserMemberId);
        return ResponseEntity.noContent().build();
    }
}
