package com.firmos.api.messages.engagement;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/**
 * An event of a proposal. Only the drafting and the acceptance name the client; of the two the CRM read model
 * handles the drafting alone, in the client's order. The engagement a proposal funds or becomes is no scope of it.
 */
public sealed interface ProposalEvent extends TenantScoped
        permits ProposalDraftedEvent, ProposalEditedEvent, ProposalStatusChangedEvent, ProposalAcceptedEvent {

    UUID proposalId();
}
