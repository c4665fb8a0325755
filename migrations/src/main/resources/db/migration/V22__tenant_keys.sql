-- Read tables keyed by the tenant. Ids a client chooses (comments, resources, relations, stakeholders, payments,
-- hypotheses...) are unique only inside one aggregate, so a key of the id alone let one tenant's row collide
-- with another's. Every primary key and unique constraint now starts with organization_id, and a sub-entity is
-- keyed under its parent: (organization_id, parent id, sub id). Child tables without the tenant get it from
-- their parent row. Axon's, infrastructure and personal-data tables are not read models and stay as they are.

-- Aggregate tables: (organization_id, id).
ALTER TABLE planning_activity DROP CONSTRAINT planning_activity_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE planning_winning_move DROP CONSTRAINT planning_winning_move_pkey,
    ADD PRIMARY KEY (organization_id, id);
ALTER TABLE engagement DROP CONSTRAINT engagement_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE engagement_order DROP CONSTRAINT engagement_order_pkey, ADD PRIMARY KEY (organization_id, order_id);
ALTER TABLE proposal DROP CONSTRAINT proposal_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE project DROP CONSTRAINT project_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE task DROP CONSTRAINT task_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE conversation DROP CONSTRAINT conversation_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE conversation_message DROP CONSTRAINT conversation_message_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE crm_client DROP CONSTRAINT crm_client_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE crm_interaction DROP CONSTRAINT crm_interaction_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE crm_deal DROP CONSTRAINT crm_deal_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE crm_competitor DROP CONSTRAINT crm_competitor_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE invoice DROP CONSTRAINT invoice_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE time_entry DROP CONSTRAINT time_entry_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE vendor DROP CONSTRAINT vendor_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE bill DROP CONSTRAINT bill_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE invoice_schedule DROP CONSTRAINT invoice_schedule_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE tool_document DROP CONSTRAINT tool_document_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE tool_access.permissions DROP CONSTRAINT permissions_pkey, ADD PRIMARY KEY (organization_id, id);
ALTER TABLE portal_access DROP CONSTRAINT portal_access_pkey, ADD PRIMARY KEY (organization_id, id);

-- Relations live in one RelationGraph aggregate per tenant: the relation id is unique inside the tenant.
ALTER TABLE relation DROP CONSTRAINT relation_pkey, ADD PRIMARY KEY (organization_id, relation_id);
ALTER TABLE planning_relation DROP CONSTRAINT planning_relation_pkey, ADD PRIMARY KEY (organization_id, relation_id);

ALTER TABLE timeline_entry DROP CONSTRAINT timeline_entry_pkey, ADD PRIMARY KEY (organization_id, event_id);

-- Sub-entities of an activity, keyed under it.
ALTER TABLE planning_activity_resource DROP CONSTRAINT planning_activity_resource_pkey,
    ADD PRIMARY KEY (organization_id, activity_id, resource_id);
DROP INDEX idx_planning_activity_resource_activity;
CREATE INDEX idx_planning_activity_resource_activity
    ON planning_activity_resource (organization_id, activity_id, position);

ALTER TABLE planning_activity_member DROP CONSTRAINT planning_activity_member_pkey,
    ADD PRIMARY KEY (organization_id, activity_id, member_key);
DROP INDEX idx_planning_activity_member_guest;
CREATE INDEX idx_planning_activity_member_guest ON planning_activity_member (organization_id, non_user_member_id)
    WHERE non_user_member_id IS NOT NULL;

ALTER TABLE planning_activity_winning_move DROP CONSTRAINT planning_activity_winning_move_pkey,
    ADD PRIMARY KEY (organization_id, activity_id, winning_move_id);
DROP INDEX idx_planning_activity_winning_move_move;
CREATE INDEX idx_planning_activity_winning_move_move
    ON planning_activity_winning_move (organization_id, winning_move_id);

ALTER TABLE planning_activity_comment DROP CONSTRAINT planning_activity_comment_pkey,
    ADD PRIMARY KEY (organization_id, activity_id, comment_id);
DROP INDEX idx_planning_activity_comment_activity;
CREATE INDEX idx_planning_activity_comment_activity
    ON planning_activity_comment (organization_id, activity_id, created_at);

-- Conversation pages, read tenant-first.
DROP INDEX idx_conversation_message_page;
CREATE INDEX idx_conversation_message_page
    ON conversation_message (organization_id, conversation_id, created_at DESC, id DESC);

-- CRM children. Rows whose parent is gone cannot be given a tenant; no reader could reach them either (every
-- read goes through the parent), and a rebuild makes them again from the events if they ever belonged.
ALTER TABLE crm_client_assignment ADD COLUMN organization_id TEXT;
UPDATE crm_client_assignment a SET organization_id = c.organization_id FROM crm_client c WHERE c.id = a.client_id;
DELETE FROM crm_client_assignment WHERE organization_id IS NULL;
ALTER TABLE crm_client_assignment ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT crm_client_assignment_pkey, ADD PRIMARY KEY (organization_id, client_id, user_id);

ALTER TABLE crm_stakeholder DROP CONSTRAINT crm_stakeholder_pkey,
    ADD PRIMARY KEY (organization_id, client_id, id);
DROP INDEX idx_crm_stakeholder_client;

DROP INDEX idx_crm_interaction_client;
CREATE INDEX idx_crm_interaction_client ON crm_interaction (organization_id, client_id, occurred_at DESC);

ALTER TABLE crm_deal_competitor ADD COLUMN organization_id TEXT;
UPDATE crm_deal_competitor k SET organization_id = d.organization_id FROM crm_deal d WHERE d.id = k.deal_id;
DELETE FROM crm_deal_competitor WHERE organization_id IS NULL;
ALTER TABLE crm_deal_competitor ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT crm_deal_competitor_pkey, ADD PRIMARY KEY (organization_id, deal_id, competitor_id);

ALTER TABLE crm_deal_stage_report ADD COLUMN organization_id TEXT;
UPDATE crm_deal_stage_report r SET organization_id = d.organization_id FROM crm_deal d WHERE d.id = r.deal_id;
DELETE FROM crm_deal_stage_report WHERE organization_id IS NULL;
ALTER TABLE crm_deal_stage_report ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT crm_deal_stage_report_pkey, ADD PRIMARY KEY (organization_id, deal_id, event_id);
DROP INDEX idx_crm_deal_stage_report_deal;
CREATE INDEX idx_crm_deal_stage_report_deal ON crm_deal_stage_report (organization_id, deal_id, changed_at);

ALTER TABLE crm_deal_proposal ADD COLUMN organization_id TEXT;
UPDATE crm_deal_proposal p SET organization_id = d.organization_id FROM crm_deal d WHERE d.id = p.deal_id;
DELETE FROM crm_deal_proposal WHERE organization_id IS NULL;
ALTER TABLE crm_deal_proposal ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT crm_deal_proposal_pkey, ADD PRIMARY KEY (organization_id, proposal_id);
CREATE INDEX idx_crm_deal_proposal_deal ON crm_deal_proposal (organization_id, deal_id);

ALTER TABLE crm_client_health_daily DROP CONSTRAINT crm_client_health_daily_pkey,
    ADD PRIMARY KEY (organization_id, client_id, day);

-- Payments under their invoice.
ALTER TABLE invoice_payment DROP CONSTRAINT invoice_payment_pkey,
    ADD PRIMARY KEY (organization_id, invoice_id, payment_id);
DROP INDEX idx_invoice_payment_invoice;

-- Fast Track: every tool's documents, and the child tables under their document (with the tenant added).
DO $$
DECLARE
    tool RECORD;
BEGIN
    FOR tool IN SELECT table_schema FROM information_schema.tables
                WHERE table_name = 'tool_data' AND table_schema LIKE 'sprint\_%' LOOP
        EXECUTE format('ALTER TABLE %I.tool_data DROP CONSTRAINT tool_data_pkey CASCADE,'
            || ' ADD PRIMARY KEY (organization_id, id)', tool.table_schema);
    END LOOP;
END $$;

ALTER TABLE sprint_15_value_proposition.hypotheses ADD COLUMN organization_id TEXT;
UPDATE sprint_15_value_proposition.hypotheses h SET organization_id = d.organization_id
FROM sprint_15_value_proposition.tool_data d WHERE d.id = h.tool_data_id;
DELETE FROM sprint_15_value_proposition.hypotheses WHERE organization_id IS NULL;
ALTER TABLE sprint_15_value_proposition.hypotheses ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT hypotheses_pkey, ADD PRIMARY KEY (organization_id, tool_data_id, id),
    ADD CONSTRAINT hypotheses_tool_data_fkey FOREIGN KEY (organization_id, tool_data_id)
        REFERENCES sprint_15_value_proposition.tool_data (organization_id, id) ON DELETE CASCADE;
DROP INDEX sprint_15_value_proposition.idx_sprint_15_value_proposition_hypotheses_doc;

ALTER TABLE sprint_24_fit_abc_analysis.team_assessments ADD COLUMN organization_id TEXT;
UPDATE sprint_24_fit_abc_analysis.team_assessments a SET organization_id = d.organization_id
FROM sprint_24_fit_abc_analysis.tool_data d WHERE d.id = a.tool_data_id;
DELETE FROM sprint_24_fit_abc_analysis.team_assessments WHERE organization_id IS NULL;
ALTER TABLE sprint_24_fit_abc_analysis.team_assessments ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT team_assessments_pkey, ADD PRIMARY KEY (organization_id, tool_data_id, id),
    ADD CONSTRAINT team_assessments_tool_data_fkey FOREIGN KEY (organization_id, tool_data_id)
        REFERENCES sprint_24_fit_abc_analysis.tool_data (organization_id, id) ON DELETE CASCADE;
DROP INDEX sprint_24_fit_abc_analysis.idx_sprint_24_fit_abc_analysis_assessments_doc;

ALTER TABLE tool_document_version DROP CONSTRAINT tool_document_version_pkey,
    ADD PRIMARY KEY (organization_id, document_id, version);

-- A link is found by its token's hash alone (the exchange knows no tenant yet), so that index stays, unique
-- only within a tenant like every other key.
DROP INDEX uk_portal_access_token;
ALTER TABLE portal_access ADD CONSTRAINT uk_portal_access_token UNIQUE (organization_id, token_hash);
CREATE INDEX idx_portal_access_token_hash ON portal_access (token_hash);

-- The timeline's suggestions get their tenant from the timeline itself, else from the event store.
ALTER TABLE timeline_suggestion ADD COLUMN organization_id TEXT;
UPDATE timeline_suggestion s SET organization_id = coalesce(
    (SELECT t.organization_id FROM timeline_entry t
     WHERE t.entity_type = 'activity' AND t.entity_id = s.activity_id::text LIMIT 1),
    (SELECT c.organization_id FROM domain_event_entry e JOIN event_chain c ON c.global_index = e.global_index
     WHERE e.aggregate_identifier = s.activity_id::text LIMIT 1));
DELETE FROM timeline_suggestion WHERE organization_id IS NULL;
ALTER TABLE timeline_suggestion ALTER COLUMN organization_id SET NOT NULL,
    DROP CONSTRAINT timeline_suggestion_pkey, ADD PRIMARY KEY (organization_id, activity_id);
