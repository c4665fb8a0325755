-- The health list aggregates a tenant's stakeholders by client (ClientQueries): found by DashboardIndexTest, whose
-- plans showed every tenant's stakeholders read to answer one tenant's list.
CREATE INDEX idx_crm_stakeholder_tenant ON crm_stakeholder (organization_id, client_id);
