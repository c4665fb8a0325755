package com.firmos.api.messages.fasttrack;

import java.util.List;

/** A team member's FIT scores (energy, skill, values, impact, each 1 to 10) and ABC rating. */
public record TeamAssessmentDetails(
        String memberName,
        String role,
        int energy,
        int skill,
        int values,
        int impact,
        AbcRating rating,
        String notes,
        List<String> actionItems) {
}
