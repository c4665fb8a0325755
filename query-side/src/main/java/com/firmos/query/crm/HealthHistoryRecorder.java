package com.firmos.query.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes every client's score for the day shortly after midnight UTC, so the trend has a point every day. */
@Component
class HealthHistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHistoryRecorder.class);

    private final ClientQueries clients;

    HealthHistoryRecorder(ClientQueries clients) {
        this.clients = clients;
    }

    @Scheduled(cron = "${firmos.health.record-cron:0 5 0 * * *}", zone = "UTC")
    void recordToday() {
        LOG.info("Recorded today's health score of {} clients", clients.recordToday());
    }
}
