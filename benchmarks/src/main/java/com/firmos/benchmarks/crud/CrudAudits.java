package com.firmos.benchmarks.crud;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CrudAudits extends JpaRepository<CrudAudit, UUID> {
}
