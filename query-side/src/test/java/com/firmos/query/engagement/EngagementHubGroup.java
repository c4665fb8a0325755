package com.firmos.query.engagement;

import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.query.Projection;
import com.firmos.query.ProjectionTables;

/**
 * The engagement hub's processing group as deployed: engagements, projects and conversations, sharing the hub.
 * The projects' and conversations' projectors are built as Spring builds them, through their package-private
 * constructors, since they live in packages of their own.
 */
public final class EngagementHubGroup {

    private EngagementHubGroup() {
    }

    /** The group, compared on the tables of its member of type {@code owner}. */
    public static Projection comparedOn(Class<? extends ProjectionTables> owner) {
        JdbcClient jdbc = Projection.jdbc();
        EngagementHub hub = new EngagementHub(jdbc);
        List<ProjectionTables> group = List.of(new EngagementProjector(jdbc, hub),
                construct("com.firmos.query.project.ProjectProjector", jdbc, hub),
                construct("com.firmos.query.conversation.ConversationProjector", jdbc, hub, Projection.JSON));
        ProjectionTables compared = group.stream().filter(owner::isInstance).findFirst().orElseThrow();
        return new Projection(compared.tables(), group);
    }

    private static ProjectionTables construct(String type, Object... dependencies) {
        try {
            Class<?> projector = Class.forName(type);
            return (ProjectionTables) BeanUtils.instantiateClass(BeanUtils.getResolvableConstructor(projector),
                    dependencies);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
