package com.firmos.rest.consistency;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets at most {@code firmos.reads.concurrency} reads (GET and HEAD of the API, {@link ReadAdmissionFilter}) run at
 * once, fairly between tenants ({@link FairAdmission}, settings {@code firmos.reads.*}). A read takes one pooled
 * connection at a time; unadmitted, a burst of them queued on the pool and failed after its 3 s timeout.
 */
@Component
public class ReadAdmission extends FairAdmission {

    ReadAdmission(@Value("${firmos.reads.concurrency:15}") int concurrency,
            @Value("${firmos.reads.tenant-share:#{null}}") Integer share,
            @Value("${firmos.reads.tenant-queue:200}") int queue,
            @Value("${firmos.reads.admission-wait:PT20S}") Duration wait) {
        super("firmos.reads", "reads", concurrency, share, queue, wait);
    }
}
