package com.firmos.api.messages.crm;

import java.util.List;

public record Forecast(
        List<ForecastMonth> months) {
}
