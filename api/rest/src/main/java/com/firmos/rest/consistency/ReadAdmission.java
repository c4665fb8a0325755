package com.firmos.rest.consistency;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.firmos.platform.processing.ForegroundReads;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets at most {@code firmos.reads.concurrency} reads (GET and HEAD of the API, {@link ReadAdmissionFilter}) run at
 * once, fairly between tenants ({@link FairAdmission}, settings {@code firmos.reads.*}). A read takes one pooled
 * connection at a time; unadmitted, a burst of them queued on the pool and failed after its 3 s timeout.
 */
@Component
public class ReadAdmission extends FairAdmission {

    private static final String PERMIT = ReadAdmission.class.getName() + ".permit";
    private static final String FOREGROUND = ReadAdmission.class.getName() + ".foreground";

    ReadAdmission(@Value("${firmos.reads.concurrency:15}") int concurrency,
            @Value("${firmos.reads.tenant-share:#{null}}") Integer share,
            @Value("${firmos.reads.tenant-queue:200}") int queue,
            @Value("${firmos.reads.admission-wait:PT20S}") Duration wait) {
        super("firmos.reads", "reads", concurrency, share, queue, wait);
    }

    /** Keeps the read's permit on its request, for {@link #handOver} to find. */
    static void hold(HttpServletRequest request, Permit permit) {
        request.setAttribute(PERMIT, permit);
    }

    /** {@link #hold}, and the read's place among those a bulk catch-up gives way to, for {@link #streaming}. */
    static void hold(HttpServletRequest request, Permit permit, ForegroundReads.Read foreground) {
        hold(request, permit);
        request.setAttribute(FOREGROUND, foreground);
    }

    /**
     * A read that starts to stream a long answer (an audit export, a chain check) keeps its permit, since it holds a
     * connection until it ends, but no longer holds a bulk catch-up back: a catch-up would otherwise wait its whole
     * pause before every batch while the export runs.
     */
    public static void streaming(HttpServletRequest request) {
        if (request.getAttribute(FOREGROUND) instanceof ForegroundReads.Read foreground) {
            request.removeAttribute(FOREGROUND);
            foreground.close();
        }
    }

    /**
     * Gives back the request's read permit before it stops needing a connection as a read: when its answer is
     * ready to write (a slow client then holds no place) or when it sends a command, which waits as a command.
     */
    static void handOver(HttpServletRequest request) {
        if (request.getAttribute(PERMIT) instanceof Permit permit) {
            request.removeAttribute(PERMIT);
            permit.close();
        }
    }
}
