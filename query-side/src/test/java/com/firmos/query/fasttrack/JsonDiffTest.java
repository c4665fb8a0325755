package com.firmos.query.fasttrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.firmos.api.messages.fasttrack.FieldChange;

class JsonDiffTest {

    @Test
    void nestedObjectsAreComparedMemberByMember() {
        List<FieldChange> changes = JsonDiff.between(
                Map.of("alignment", Map.of("cfo", "yes", "ceo", "no")),
                Map.of("alignment", Map.of("cfo", "yes", "ceo", "yes")));

        assertThat(changes).containsExactly(new FieldChange("data.alignment.ceo", "changed", "no", "yes"));
    }

    @Test
    void listsChangeAsAWhole() {
        List<FieldChange> changes = JsonDiff.between(Map.of("values", List.of("a")), Map.of("values", List.of("a",
                "b")));

        assertThat(changes).containsExactly(new FieldChange("data.values", "changed", List.of("a"),
                List.of("a", "b")));
    }

    @Test
    void equalDocumentsHaveNoChanges() {
        assertThat(JsonDiff.between(Map.of("wish", "Grow"), Map.of("wish", "Grow"))).isEmpty();
    }
}
