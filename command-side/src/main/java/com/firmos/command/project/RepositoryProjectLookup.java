package com.firmos.command.project;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

@Component
class RepositoryProjectLookup implements ProjectLookup {

    private final Repository<Project> projects;

    RepositoryProjectLookup(Repository<Project> projects) {
        this.projects = projects;
    }

    @Override
    public ProjectFacts requireOpen(UUID projectId, String organizationId) {
        FieldRules.required("projectId", projectId);
        try {
            return projects.load(projectId.toString()).invoke(it -> it.factsForNewTask(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.invalid("projectId", "projectId names no project of your organization");
    }
}
