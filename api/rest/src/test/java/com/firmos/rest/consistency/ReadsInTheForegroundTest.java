package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.firmos.platform.processing.ForegroundReads;

/** A bulk catch-up gives way to the reads of the API: each counts from its admission until its answer is ready. */
class ReadsInTheForegroundTest {

    private final ReadAdmission reads = new ReadAdmission(2, null, 10, Duration.ofMillis(200));
    private final ForegroundReads foreground = new ForegroundReads();
    private final ReadAdmissionFilter filter = new ReadAdmissionFilter(reads, foreground, (request, response,
            handler, failure) -> null);

    @Test
    void aReadCountsWhileItRunsAndNoLongerOnceItsAnswerIsReadyToWrite() throws Exception {
        AtomicInteger whileRunning = new AtomicInteger(-1);
        AtomicInteger afterHandOver = new AtomicInteger(-1);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/pipeline");

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            whileRunning.set(foreground.running());
            ReadAdmission.handOver(request);
            afterHandOver.set(foreground.running());
        });

        assertThat(whileRunning).hasValue(1);
        assertThat(afterHandOver).hasValue(0);
        assertThat(foreground.running()).isZero();
        assertThat(reads.tenantsHeld()).isZero();
    }

    @Test
    void aReadThatFailsNoLongerCountsNorHoldsItsPermit() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/pipeline");

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            throw new IllegalStateException("the handler failed");
        })).hasMessageContaining("the handler failed");

        assertThat(foreground.running()).isZero();
        assertThat(reads.tenantsHeld()).isZero();
    }

    @Test
    void aStreamingReadKeepsItsPermitButNoLongerHoldsACatchUpBack() throws Exception {
        AtomicInteger counted = new AtomicInteger(-1);
        AtomicInteger held = new AtomicInteger(-1);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/admin/audit/events");

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            ReadAdmission.streaming(request);
            counted.set(foreground.running());
            held.set(reads.tenantsHeld());
        });

        assertThat(counted).hasValue(0);
        assertThat(held).as("the export still holds its place among the reads").hasValue(1);
        assertThat(reads.tenantsHeld()).isZero();
    }

    @Test
    void aCommandIsNoReadToGiveWayTo() throws Exception {
        AtomicInteger whileRunning = new AtomicInteger(-1);

        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/activities"), new MockHttpServletResponse(),
                (req, res) -> whileRunning.set(foreground.running()));

        assertThat(whileRunning).hasValue(0);
    }
}
