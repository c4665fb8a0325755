package com.firmos.query.crm;

import java.time.LocalDate;
import java.util.List;

import com.firmos.api.messages.crm.EngagementLevel;

/**
 * What a client's health is computed from.
 *
 * @param meddpiccFilled           how many of the six MEDDPICC fields hold text
 * @param championIdentified       whether a stakeholder is tagged champion
 * @param lastEconomicBuyerContact the day of the latest interaction with an economic buyer, or null
 * @param engagementLevels         the engagement level of every stakeholder
 * @param lastInteraction          the day of the latest interaction, or null
 */
record HealthInputs(
        int meddpiccFilled,
        boolean championIdentified,
        LocalDate lastEconomicBuyerContact,
        List<EngagementLevel> engagementLevels,
        LocalDate lastInteraction) {
}
