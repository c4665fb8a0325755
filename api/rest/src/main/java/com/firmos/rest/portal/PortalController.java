package com.firmos.rest.portal;

import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.activity.FindPlanningViewQuery;
import com.firmos.api.messages.activity.PlanningView;
import com.firmos.api.messages.portal.PortalSection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a portal session reads: always its own engagement, and only the sections its link was given. */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Client Portal")
class PortalController {

    private final QueryGateway queries;

    PortalController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/planning-view")
    @Operation(summary = "The engagement's Living Playbook board (section playbook)")
    PlanningView planningView(PortalUser user) {
        user.require(PortalSection.PLAYBOOK);
        return queries.query(new FindPlanningViewQuery(user.organizationId(), user.engagementId(), Set.of(),
                Set.of(), Set.of(), Set.of()), ResponseTypes.instanceOf(PlanningView.class)).join();
    }
}
