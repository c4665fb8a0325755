package com.firmos.query.fasttrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ToolProgressPolicyTest {

    private static final Map<String, Object> FOUR_FIELDS = Map.of("properties", Map.of("wish", Map.of(),
            "outcome", Map.of(), "obstacle", Map.of(), "plan", Map.of()));

    @Test
    void progressIsTheShareOfFieldsThatHoldSomething() {
        assertThat(ToolProgressPolicy.percentage(FOUR_FIELDS, Map.of("wish", "Grow", "plan", "Hire")))
                .isEqualTo(50);
    }

    @Test
    void blankTextAndEmptyListsDoNotCount() {
        assertThat(ToolProgressPolicy.percentage(FOUR_FIELDS, Map.of("wish", "  ", "plan", List.of(),
                "outcome", Map.of(), "obstacle", 0))).isEqualTo(25);
    }

    @Test
    void aToolWithoutDeclaredFieldsShowsNothingUntilCompleted() {
        assertThat(ToolProgressPolicy.percentage(Map.of("type", "object"), Map.of("anything", "x"))).isZero();
    }

    @Test
    void partsAreRoundedDown() {
        Map<String, Object> threeFields = Map.of("properties", Map.of("a", Map.of(), "b", Map.of(), "c", Map.of()));

        assertThat(ToolProgressPolicy.percentage(threeFields, Map.of("a", "x"))).isEqualTo(33);
    }
}
