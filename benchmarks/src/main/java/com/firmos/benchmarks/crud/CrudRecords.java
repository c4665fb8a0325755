package com.firmos.benchmarks.crud;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CrudRecords extends JpaRepository<CrudRecord, UUID> {
}
