package com.firmos.query.relation;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.relation.DependencyGraph;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.FindDependencyGraphQuery;
import com.firmos.api.messages.relation.FindRelationQuery;
import com.firmos.api.messages.relation.FindRelationsQuery;
import com.firmos.api.messages.relation.GraphEdge;
import com.firmos.api.messages.relation.GraphNode;
import com.firmos.api.messages.relation.RelationDetail;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.api.messages.relation.RelationView;
import com.firmos.api.messages.relation.RelationsView;

/** The relations view of any entity, and an engagement's dependency graph; both bounded to the tenant. */
@Component
class RelationQueries {

    private final JdbcClient jdbc;

    RelationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    RelationsView handle(FindRelationsQuery query) {
        return new RelationsView(query.entity(), side(query, "source", "target"), side(query, "target", "source"));
    }

    @QueryHandler
    RelationDetail handle(FindRelationQuery query) {
        return jdbc.sql("""
                SELECT r.*, s.title AS source_title, t.title AS target_title FROM relation r
                LEFT JOIN relation_entity s ON s.organization_id = r.organization_id
                    AND s.entity_type = r.source_type AND s.entity_id = r.source_id
                LEFT JOIN relation_entity t ON t.organization_id = r.organization_id
                    AND t.entity_type = r.target_type AND t.entity_id = r.target_id
                WHERE r.organization_id = :org AND r.relation_id = :id""")
                .param("org", query.organizationId()).param("id", query.relationId())
                .query((rs, n) -> new RelationDetail(uuid(rs, "relation_id"),
                        parse(RelationType.class, rs.getString("relation_type")), rs.getString("label"),
                        new EntityReference(rs.getString("source_type"), rs.getString("source_id")),
                        rs.getString("source_title"),
                        new EntityReference(rs.getString("target_type"), rs.getString("target_id")),
                        rs.getString("target_title"), rs.getString("created_by"), instant(rs, "created_at")))
                .optional().orElse(null);
    }

    /** Relations whose {@code near} end is the entity, each with the {@code far} end's title. */
    private List<RelationView> side(FindRelationsQuery query, String near, String far) {
        return jdbc.sql("SELECT r.*, e.title AS other_title FROM relation r LEFT JOIN relation_entity e"
                        + " ON e.organization_id = r.organization_id AND e.entity_type = r." + far + "_type"
                        + " AND e.entity_id = r." + far + "_id"
                        + " WHERE r.organization_id = :org AND r." + near + "_type = :type AND r." + near
                        + "_id = :id ORDER BY r.created_at, r.relation_id")
                .param("org", query.organizationId())
                .param("type", query.entity().type())
                .param("id", query.entity().id())
                .query((rs, n) -> new RelationView(uuid(rs, "relation_id"),
                        parse(RelationType.class, rs.getString("relation_type")), rs.getString("label"),
                        new EntityReference(rs.getString(far + "_type"), rs.getString(far + "_id")),
                        rs.getString("other_title"), rs.getString("created_by"), instant(rs, "created_at")))
                .list();
    }

    /**
     * The engagement's activities and winning moves as nodes, the relations touching them as edges, and the
     * far ends of those relations as nodes too, so every edge has both of its nodes.
     */
    @QueryHandler
    DependencyGraph handle(FindDependencyGraphQuery query) {
        List<GraphEdge> edges = jdbc.sql("""
                SELECT r.* FROM relation r
                WHERE r.organization_id = :org AND (
                    EXISTS (SELECT 1 FROM relation_entity e WHERE e.organization_id = r.organization_id
                            AND e.engagement_id = :engagement AND e.entity_type = r.source_type
                            AND e.entity_id = r.source_id)
                    OR EXISTS (SELECT 1 FROM relation_entity e WHERE e.organization_id = r.organization_id
                            AND e.engagement_id = :engagement AND e.entity_type = r.target_type
                            AND e.entity_id = r.target_id))
                ORDER BY r.created_at, r.relation_id""")
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> new GraphEdge(uuid(rs, "relation_id"), reference(rs, "source"),
                        reference(rs, "target"), parse(RelationType.class, rs.getString("relation_type")),
                        rs.getString("label")))
                .list();
        Map<EntityReference, GraphNode> nodes = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT entity_type, entity_id, title, status FROM relation_entity
                WHERE organization_id = :org AND engagement_id = :engagement AND status <> 'dismissed'
                ORDER BY entity_type, title, entity_id""")
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> node(rs))
                .list()
                .forEach(node -> nodes.put(node.entity(), node));
        edges.forEach(edge -> List.of(edge.source(), edge.target()).forEach(end ->
                nodes.computeIfAbsent(end, missing -> describe(query.organizationId(), missing))));
        return new DependencyGraph(query.engagementId(), List.copyOf(nodes.values()), edges);
    }

    private GraphNode describe(String organization, EntityReference entity) {
        return jdbc.sql("""
                SELECT entity_type, entity_id, title, status FROM relation_entity
                WHERE organization_id = :org AND entity_type = :type AND entity_id = :id""")
                .param("org", organization).param("type", entity.type()).param("id", entity.id())
                .query((rs, n) -> node(rs))
                .optional()
                .orElseGet(() -> new GraphNode(entity, null, null));
    }

    private static GraphNode node(ResultSet rs) throws SQLException {
        return new GraphNode(new EntityReference(rs.getString("entity_type"), rs.getString("entity_id")),
                rs.getString("title"), rs.getString("status"));
    }

    private static EntityReference reference(ResultSet rs, String end) throws SQLException {
        return new EntityReference(rs.getString(end + "_type"), rs.getString(end + "_id"));
    }
}
