package com.firmos.command.activity;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

@Component
class RepositoryActivityLookup implements ActivityLookup {

    private final Repository<Activity> activities;

    RepositoryActivityLookup(Repository<Activity> activities) {
        this.activities = activities;
    }

    @Override
    public ActivityFacts require(UUID activityId, String organizationId) {
        FieldRules.required("activityId", activityId);
        try {
            return activities.load(activityId.toString()).invoke(it -> it.factsForComments(organizationId));
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    static DomainException unknown() {
        return DomainException.notFound("activity");
    }
}
