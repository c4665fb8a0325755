package com.firmos.query.portal;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.utc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.portal.FindPortalAccessQuery;
import com.firmos.api.messages.portal.FindPortalAccessesQuery;
import com.firmos.api.messages.portal.FindPortalLinkQuery;
import com.firmos.api.messages.portal.PortalAccessGrantedEvent;
import com.firmos.api.messages.portal.PortalAccessList;
import com.firmos.api.messages.portal.PortalAccessRevokedEvent;
import com.firmos.api.messages.portal.PortalAccessView;
import com.firmos.api.messages.portal.PortalContactErasedEvent;
import com.firmos.api.messages.portal.PortalLink;
import com.firmos.api.messages.portal.PortalLinkExchangedEvent;
import com.firmos.api.messages.portal.PortalLinkRotatedEvent;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.query.ProjectionTables;
import com.firmos.query.WireValues;

/**
 * {@code portal_access}: each magic link with its hashes, sections, expiry and last access. Every change advances
 * the row's version, so a redelivered event changes nothing. Query handlers beside it: the staff's list, and the
 * lookup by token hash that the exchange starts from.
 */
@Component
@ProcessingGroup(PortalAccessProjector.PROCESSING_GROUP)
public class PortalAccessProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "portal-access";
    private static final List<String> TABLES = List.of("portal_access");

    private final JdbcClient jdbc;

    PortalAccessProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PortalAccessGrantedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER_ID) String grantedBy) {
        jdbc.sql("""
                INSERT INTO portal_access (id, organization_id, engagement_id, client_id, contact_subject,
                    contact_name, sections, expires_at, single_use, token_hash, password_hash, status, granted_by,
                    granted_at, version)
                VALUES (:id, :org, :engagement, :client, :subject, :contact, :sections, :expires, :singleUse, :token,
                    :password, 'active', :by, :at, :version)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.accessId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("client", event.clientId())
                .param("subject", event.contactName().subjectId()).param("contact", event.contactName().ciphertext())
                .param("sections", textArray(event.sections().stream().map(WireValues::wire).sorted().toList()))
                .param("expires", utc(event.expiresAt())).param("singleUse", event.singleUse())
                .param("token", event.tokenHash()).param("password", event.passwordHash())
                .param("by", grantedBy).param("at", utc(at)).param("version", version)
                .update();
    }

    @EventHandler
    void on(PortalLinkRotatedEvent event, @SequenceNumber long version) {
        change(event.organizationId(), event.accessId(), version, "token_hash = :value, used = FALSE",
                event.tokenHash());
    }

    @EventHandler
    void on(PortalAccessRevokedEvent event, @SequenceNumber long version) {
        change(event.organizationId(), event.accessId(), version, "status = :value", "revoked");
    }

    @EventHandler
    void on(PortalLinkExchangedEvent event, @SequenceNumber long version) {
        change(event.organizationId(), event.accessId(), version, "used = TRUE, last_access_at = :value",
                utc(event.at()));
    }

    @EventHandler
    void on(PortalContactErasedEvent event, @SequenceNumber long version) {
        change(event.organizationId(), event.accessId(), version, "contact_erased = :value", true);
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @QueryHandler
    PortalAccessList handle(FindPortalAccessesQuery query) {
        return new PortalAccessList(jdbc.sql("""
                SELECT * FROM portal_access WHERE organization_id = :org AND engagement_id = :engagement
                ORDER BY granted_at DESC, id""")
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> view(rs)).list());
    }

    @QueryHandler
    Optional<PortalAccessView> handle(FindPortalAccessQuery query) {
        return jdbc.sql("SELECT * FROM portal_access WHERE organization_id = :org AND id = :id")
                .param("org", query.organizationId()).param("id", query.accessId())
                .query((rs, n) -> view(rs)).optional();
    }

    @QueryHandler
    PortalLink handle(FindPortalLinkQuery query) {
        // The exchange starts from the token alone, before any tenant is known; a hash found in two tenants
        // (which a random token never makes) opens neither rather than guessing.
        List<PortalLink> links = jdbc.sql("SELECT * FROM portal_access WHERE token_hash = :token LIMIT 2")
                .param("token", query.tokenHash())
                .query((rs, n) -> new PortalLink(rs.getObject("id", UUID.class), rs.getString("organization_id"),
                        rs.getObject("engagement_id", UUID.class), rs.getObject("client_id", UUID.class),
                        contact(rs), sections(rs.getArray("sections")), instant(rs, "expires_at"),
                        "active".equals(rs.getString("status")), rs.getBoolean("single_use"), rs.getBoolean("used"),
                        rs.getString("token_hash"), rs.getString("password_hash")))
                .list();
        return links.size() == 1 ? links.getFirst() : null;
    }

    private void change(String organizationId, UUID accessId, long version, String assignment, Object value) {
        jdbc.sql("UPDATE portal_access SET " + assignment + ", version = :version"
                        + " WHERE organization_id = :org AND id = :id AND version < :version")
                .param("org", organizationId).param("id", accessId).param("version", version).param("value", value)
                .update();
    }

    private static PortalAccessView view(ResultSet rs) throws SQLException {
        return new PortalAccessView(rs.getObject("id", UUID.class), rs.getObject("engagement_id", UUID.class),
                rs.getObject("client_id", UUID.class), contact(rs), rs.getBoolean("contact_erased"),
                sections(rs.getArray("sections")),
                instant(rs, "expires_at"), rs.getBoolean("single_use"), rs.getString("password_hash") != null,
                rs.getString("status"), rs.getString("granted_by"), instant(rs, "granted_at"),
                instant(rs, "last_access_at"), rs.getLong("version"),
                PortalAccessView.fingerprint(rs.getString("token_hash")));
    }

    private static Sealed contact(ResultSet rs) throws SQLException {
        return new Sealed(rs.getString("contact_subject"), rs.getString("contact_name"));
    }

    private static Set<PortalSection> sections(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(wire -> WireValues.parse(PortalSection.class, wire))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PortalSection.class)));
    }
}
