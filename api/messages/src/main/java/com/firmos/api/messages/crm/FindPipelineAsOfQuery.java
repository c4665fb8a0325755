package com.firmos.api.messages.crm;

import java.time.Instant;

/** The pipeline as it stood at {@code asOf}: deals then, with days in stage and rotting judged on that day. */
public record FindPipelineAsOfQuery(
        FindPipelineQuery pipeline,
        Instant asOf) {
}
