package com.firmos.command.activity;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import com.firmos.api.messages.activity.ScoreData;
import com.firmos.api.messages.activity.ScoreMetric;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/** What a completed activity's result may hold: a level and up to 50 uniquely labelled, bounded numbers. */
final class ScoreDataPolicy {

    static final int METRICS_MAX = 50;
    private static final BigDecimal VALUE_LIMIT = new BigDecimal("1000000000");
    static final int DECIMALS_MAX = 4;

    private ScoreDataPolicy() {
    }

    static void check(ScoreData score) {
        FieldRules.requiredText("scoreData.level", score.level(), 200);
        if (score.metrics() == null) {
            return;
        }
        if (score.metrics().size() > METRICS_MAX) {
            throw DomainException.invalid("scoreData.metrics", "at most " + METRICS_MAX + " metrics");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < score.metrics().size(); i++) {
            checkMetric("scoreData.metrics[" + i + "]", score.metrics().get(i), labels);
        }
    }

    private static void checkMetric(String field, ScoreMetric metric, Set<String> labels) {
        FieldRules.required(field, metric);
        FieldRules.requiredText(field + ".label", metric.label(), 100);
        FieldRules.required(field + ".value", metric.value());
        if (metric.value().abs().compareTo(VALUE_LIMIT) > 0) {
            throw DomainException.invalid(field + ".value", "a metric value must be within ±" + VALUE_LIMIT);
        }
        // Bounded as written, not only in value: 0E-5000 is zero, and its plain form is 5,000 characters that
        // every later read of the event and of the card's JSON refused.
        if (metric.value().scale() > DECIMALS_MAX) {
            throw DomainException.invalid(field + ".value", "a metric value has at most " + DECIMALS_MAX
                    + " decimal places");
        }
        if (!labels.add(metric.label().strip().toLowerCase(java.util.Locale.ROOT))) {
            throw DomainException.invalid(field + ".label", "metric labels must be unique");
        }
    }
}
