package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A read's permit is given back once its answer is ready to write, and only once. */
class ReadPermitBeforeWritingTest {

    private final ReadAdmission reads = new ReadAdmission(1, null, 10, Duration.ofMillis(200));
    private final ReadPermitBeforeWriting advice = new ReadPermitBeforeWriting();

    @Test
    void aReadWhoseAnswerIsReadyToWriteHoldsNoPermit() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/pipeline");
        FairAdmission.Permit permit = reads.admit("tenant");
        ReadAdmission.hold(request, permit);

        Object body = advice.beforeBodyWrite("answer", null, MediaType.APPLICATION_JSON,
                JacksonJsonHttpMessageConverter.class, new ServletServerHttpRequest(request),
                new ServletServerHttpResponse(new MockHttpServletResponse()));

        assertThat(body).isEqualTo("answer");
        assertThat(reads.tenantsHeld()).as("the tenant's read gave its place back").isZero();
        // The filter still closes its permit when the request ends: that frees nothing another read holds.
        FairAdmission.Permit another = reads.admit("other");
        permit.close();
        assertThat(reads.tenantsHeld()).isEqualTo(1);
        another.close();
    }

    @Test
    void aReadThatSendsACommandGivesItsPermitBackFirst() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/portal/invoices/1");
        ReadAdmission.hold(request, reads.admit("client/tenant"));

        ReadAdmission.handOver(request);
        ReadAdmission.handOver(request);

        assertThat(reads.tenantsHeld()).isZero();
        reads.admit("tenant").close();
    }
}
