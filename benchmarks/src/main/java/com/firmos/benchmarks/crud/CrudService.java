package com.firmos.benchmarks.crud;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Update the row, insert the audit row, in one transaction: what a CRUD service does for one command. */
@Service
class CrudService {

    private final CrudRecords records;
    private final CrudAudits audits;

    CrudService(CrudRecords records, CrudAudits audits) {
        this.records = records;
        this.audits = audits;
    }

    @Transactional
    CrudRecord change(UUID id, String state) {
        CrudRecord record = records.findById(id).orElseThrow();
        audits.save(new CrudAudit(id, record.getState(), state));
        record.setState(state);
        return records.saveAndFlush(record);
    }
}
