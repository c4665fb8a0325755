package com.firmos.command.fasttrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firmos.command.DomainException;

class JsonSchemaToolCatalogTest {

    private final JsonSchemaToolCatalog catalog = new JsonSchemaToolCatalog();

    @Test
    void everySprintFrom00To29HasExactlyOneToolWithAUniqueSlug() throws Exception {
        List<Integer> sprints = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JsonSchemaToolCatalog.RESOURCE)) {
            for (JsonNode tool : new ObjectMapper().readTree(in).get("tools")) {
                sprints.add(tool.get("sprint").asInt());
                slugs.add(tool.get("slug").asText());
            }
        }

        assertThat(sprints).isEqualTo(IntStream.range(0, 30).boxed().toList());
        assertThat(slugs).doesNotHaveDuplicates().contains("woop", "know_thyself", "dream", "value_proposition",
                "fit_abc_analysis", "digital_heart");
    }

    @Test
    void anErrorInsideAListIsReportedAtItsPath() {
        assertThatThrownBy(() -> catalog.validate("digital_heart", Map.of("kpis", List.of(Map.of("target", "90%")))))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.refusal().field()).isEqualTo("data.kpis[0]");
                    assertThat(refused.getMessage()).contains("required");
                });
    }

    @Test
    void aDateFieldMustHoldADate() {
        assertThatThrownBy(() -> catalog.validate("fit_abc_analysis", Map.of("assessedOn", "next week")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.refusal().field()).isEqualTo("data.assessedOn"));
    }

    @Test
    void aToolWithoutItsOwnSchemaTakesAnyObject() {
        assertThatCode(() -> catalog.validate("pricing", Map.of("anything", List.of(1, 2, 3))))
                .doesNotThrowAnyException();
    }

    @Test
    void theDreamNamesItsKnowThyselfReference() {
        assertThat(catalog.references("dream")).isEqualTo(Map.of("sourceKnowThyselfId", "know_thyself"));
    }
}
