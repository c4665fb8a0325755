package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

/** A write waits for the projections its event concerns, and only for them. */
@ExtendWith(OutputCaptureExtension.class)
class ReadYourWritesApiTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aWriteDoesNotWaitForAProjectionThatNeverHandlesItsEvent(CapturedOutput output) {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Kick-off");
        StreamingEventProcessor payables = processing.eventProcessor("payables", StreamingEventProcessor.class)
                .orElseThrow();
        payables.shutDown();
        try {
            Response moved = api.post("/api/v1/activities/" + activity + "/status", admin(),
                    "{\"status\": \"in_progress\"}");

            assertThat(moved.status()).isEqualTo(200);
            assertThat(moved.text("status")).isEqualTo("in_progress");
            assertThat(output.getAll()).doesNotContain("Projections did not reach");
        } finally {
            payables.start();
        }
    }
}
