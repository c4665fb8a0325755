-- Fast Track: one schema per tool (sprint_{NN}_{slug}) as the seed lays out, each with tool_data and its child
-- tables, plus the cross-tool list the dashboard reads. A new tool is an entry in tools.json and a migration
-- creating its schema the same way.

CREATE TABLE tool_document (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    user_id         TEXT        NOT NULL,
    tool_slug       TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ,
    submitted_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL,
    CONSTRAINT uk_tool_document_owner UNIQUE (organization_id, user_id, tool_slug)
);

CREATE SCHEMA sprint_00_woop;

CREATE TABLE sprint_00_woop.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_00_woop_user ON sprint_00_woop.tool_data (user_id);
CREATE INDEX idx_sprint_00_woop_org ON sprint_00_woop.tool_data (organization_id);
CREATE INDEX idx_sprint_00_woop_status ON sprint_00_woop.tool_data (status);
CREATE INDEX idx_sprint_00_woop_updated ON sprint_00_woop.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_00_woop_data_gin ON sprint_00_woop.tool_data USING GIN (data);

CREATE SCHEMA sprint_01_know_thyself;

CREATE TABLE sprint_01_know_thyself.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_01_know_thyself_user ON sprint_01_know_thyself.tool_data (user_id);
CREATE INDEX idx_sprint_01_know_thyself_org ON sprint_01_know_thyself.tool_data (organization_id);
CREATE INDEX idx_sprint_01_know_thyself_status ON sprint_01_know_thyself.tool_data (status);
CREATE INDEX idx_sprint_01_know_thyself_updated ON sprint_01_know_thyself.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_01_know_thyself_data_gin ON sprint_01_know_thyself.tool_data USING GIN (data);

CREATE SCHEMA sprint_02_dream;

CREATE TABLE sprint_02_dream.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_02_dream_user ON sprint_02_dream.tool_data (user_id);
CREATE INDEX idx_sprint_02_dream_org ON sprint_02_dream.tool_data (organization_id);
CREATE INDEX idx_sprint_02_dream_status ON sprint_02_dream.tool_data (status);
CREATE INDEX idx_sprint_02_dream_updated ON sprint_02_dream.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_02_dream_data_gin ON sprint_02_dream.tool_data USING GIN (data);

CREATE SCHEMA sprint_03_purpose;

CREATE TABLE sprint_03_purpose.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_03_purpose_user ON sprint_03_purpose.tool_data (user_id);
CREATE INDEX idx_sprint_03_purpose_org ON sprint_03_purpose.tool_data (organization_id);
CREATE INDEX idx_sprint_03_purpose_status ON sprint_03_purpose.tool_data (status);
CREATE INDEX idx_sprint_03_purpose_updated ON sprint_03_purpose.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_03_purpose_data_gin ON sprint_03_purpose.tool_data USING GIN (data);

CREATE SCHEMA sprint_04_core_values;

CREATE TABLE sprint_04_core_values.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_04_core_values_user ON sprint_04_core_values.tool_data (user_id);
CREATE INDEX idx_sprint_04_core_values_org ON sprint_04_core_values.tool_data (organization_id);
CREATE INDEX idx_sprint_04_core_values_status ON sprint_04_core_values.tool_data (status);
CREATE INDEX idx_sprint_04_core_values_updated ON sprint_04_core_values.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_04_core_values_data_gin ON sprint_04_core_values.tool_data USING GIN (data);

CREATE SCHEMA sprint_05_team_charter;

CREATE TABLE sprint_05_team_charter.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_05_team_charter_user ON sprint_05_team_charter.tool_data (user_id);
CREATE INDEX idx_sprint_05_team_charter_org ON sprint_05_team_charter.tool_data (organization_id);
CREATE INDEX idx_sprint_05_team_charter_status ON sprint_05_team_charter.tool_data (status);
CREATE INDEX idx_sprint_05_team_charter_updated ON sprint_05_team_charter.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_05_team_charter_data_gin ON sprint_05_team_charter.tool_data USING GIN (data);

CREATE SCHEMA sprint_06_bhag;

CREATE TABLE sprint_06_bhag.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_06_bhag_user ON sprint_06_bhag.tool_data (user_id);
CREATE INDEX idx_sprint_06_bhag_org ON sprint_06_bhag.tool_data (organization_id);
CREATE INDEX idx_sprint_06_bhag_status ON sprint_06_bhag.tool_data (status);
CREATE INDEX idx_sprint_06_bhag_updated ON sprint_06_bhag.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_06_bhag_data_gin ON sprint_06_bhag.tool_data USING GIN (data);

CREATE SCHEMA sprint_07_market_map;

CREATE TABLE sprint_07_market_map.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_07_market_map_user ON sprint_07_market_map.tool_data (user_id);
CREATE INDEX idx_sprint_07_market_map_org ON sprint_07_market_map.tool_data (organization_id);
CREATE INDEX idx_sprint_07_market_map_status ON sprint_07_market_map.tool_data (status);
CREATE INDEX idx_sprint_07_market_map_updated ON sprint_07_market_map.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_07_market_map_data_gin ON sprint_07_market_map.tool_data USING GIN (data);

CREATE SCHEMA sprint_08_customer_segments;

CREATE TABLE sprint_08_customer_segments.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_08_customer_segments_user ON sprint_08_customer_segments.tool_data (user_id);
CREATE INDEX idx_sprint_08_customer_segments_org ON sprint_08_customer_segments.tool_data (organization_id);
CREATE INDEX idx_sprint_08_customer_segments_status ON sprint_08_customer_segments.tool_data (status);
CREATE INDEX idx_sprint_08_customer_segments_updated ON sprint_08_customer_segments.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_08_customer_segments_data_gin ON sprint_08_customer_segments.tool_data USING GIN (data);

CREATE SCHEMA sprint_09_target_persona;

CREATE TABLE sprint_09_target_persona.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_09_target_persona_user ON sprint_09_target_persona.tool_data (user_id);
CREATE INDEX idx_sprint_09_target_persona_org ON sprint_09_target_persona.tool_data (organization_id);
CREATE INDEX idx_sprint_09_target_persona_status ON sprint_09_target_persona.tool_data (status);
CREATE INDEX idx_sprint_09_target_persona_updated ON sprint_09_target_persona.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_09_target_persona_data_gin ON sprint_09_target_persona.tool_data USING GIN (data);

CREATE SCHEMA sprint_10_competitor_landscape;

CREATE TABLE sprint_10_competitor_landscape.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_10_competitor_landscape_user ON sprint_10_competitor_landscape.tool_data (user_id);
CREATE INDEX idx_sprint_10_competitor_landscape_org ON sprint_10_competitor_landscape.tool_data (organization_id);
CREATE INDEX idx_sprint_10_competitor_landscape_status ON sprint_10_competitor_landscape.tool_data (status);
CREATE INDEX idx_sprint_10_competitor_landscape_updated ON sprint_10_competitor_landscape.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_10_competitor_landscape_data_gin ON sprint_10_competitor_landscape.tool_data USING GIN (data);

CREATE SCHEMA sprint_11_positioning;

CREATE TABLE sprint_11_positioning.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_11_positioning_user ON sprint_11_positioning.tool_data (user_id);
CREATE INDEX idx_sprint_11_positioning_org ON sprint_11_positioning.tool_data (organization_id);
CREATE INDEX idx_sprint_11_positioning_status ON sprint_11_positioning.tool_data (status);
CREATE INDEX idx_sprint_11_positioning_updated ON sprint_11_positioning.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_11_positioning_data_gin ON sprint_11_positioning.tool_data USING GIN (data);

CREATE SCHEMA sprint_12_brand_promise;

CREATE TABLE sprint_12_brand_promise.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_12_brand_promise_user ON sprint_12_brand_promise.tool_data (user_id);
CREATE INDEX idx_sprint_12_brand_promise_org ON sprint_12_brand_promise.tool_data (organization_id);
CREATE INDEX idx_sprint_12_brand_promise_status ON sprint_12_brand_promise.tool_data (status);
CREATE INDEX idx_sprint_12_brand_promise_updated ON sprint_12_brand_promise.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_12_brand_promise_data_gin ON sprint_12_brand_promise.tool_data USING GIN (data);

CREATE SCHEMA sprint_13_business_model;

CREATE TABLE sprint_13_business_model.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_13_business_model_user ON sprint_13_business_model.tool_data (user_id);
CREATE INDEX idx_sprint_13_business_model_org ON sprint_13_business_model.tool_data (organization_id);
CREATE INDEX idx_sprint_13_business_model_status ON sprint_13_business_model.tool_data (status);
CREATE INDEX idx_sprint_13_business_model_updated ON sprint_13_business_model.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_13_business_model_data_gin ON sprint_13_business_model.tool_data USING GIN (data);

CREATE SCHEMA sprint_14_revenue_streams;

CREATE TABLE sprint_14_revenue_streams.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_14_revenue_streams_user ON sprint_14_revenue_streams.tool_data (user_id);
CREATE INDEX idx_sprint_14_revenue_streams_org ON sprint_14_revenue_streams.tool_data (organization_id);
CREATE INDEX idx_sprint_14_revenue_streams_status ON sprint_14_revenue_streams.tool_data (status);
CREATE INDEX idx_sprint_14_revenue_streams_updated ON sprint_14_revenue_streams.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_14_revenue_streams_data_gin ON sprint_14_revenue_streams.tool_data USING GIN (data);

CREATE SCHEMA sprint_15_value_proposition;

CREATE TABLE sprint_15_value_proposition.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_15_value_proposition_user ON sprint_15_value_proposition.tool_data (user_id);
CREATE INDEX idx_sprint_15_value_proposition_org ON sprint_15_value_proposition.tool_data (organization_id);
CREATE INDEX idx_sprint_15_value_proposition_status ON sprint_15_value_proposition.tool_data (status);
CREATE INDEX idx_sprint_15_value_proposition_updated ON sprint_15_value_proposition.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_15_value_proposition_data_gin ON sprint_15_value_proposition.tool_data USING GIN (data);

CREATE TABLE sprint_15_value_proposition.hypotheses (
    id              UUID    NOT NULL PRIMARY KEY,
    tool_data_id    UUID    NOT NULL REFERENCES sprint_15_value_proposition.tool_data (id) ON DELETE CASCADE,
    hypothesis_text TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    priority        INT,
    tested          BOOLEAN NOT NULL DEFAULT FALSE,
    test_results    JSONB
);
CREATE INDEX idx_sprint_15_value_proposition_hypotheses_doc ON sprint_15_value_proposition.hypotheses (tool_data_id);

CREATE SCHEMA sprint_16_pricing;

CREATE TABLE sprint_16_pricing.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_16_pricing_user ON sprint_16_pricing.tool_data (user_id);
CREATE INDEX idx_sprint_16_pricing_org ON sprint_16_pricing.tool_data (organization_id);
CREATE INDEX idx_sprint_16_pricing_status ON sprint_16_pricing.tool_data (status);
CREATE INDEX idx_sprint_16_pricing_updated ON sprint_16_pricing.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_16_pricing_data_gin ON sprint_16_pricing.tool_data USING GIN (data);

CREATE SCHEMA sprint_17_sales_process;

CREATE TABLE sprint_17_sales_process.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_17_sales_process_user ON sprint_17_sales_process.tool_data (user_id);
CREATE INDEX idx_sprint_17_sales_process_org ON sprint_17_sales_process.tool_data (organization_id);
CREATE INDEX idx_sprint_17_sales_process_status ON sprint_17_sales_process.tool_data (status);
CREATE INDEX idx_sprint_17_sales_process_updated ON sprint_17_sales_process.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_17_sales_process_data_gin ON sprint_17_sales_process.tool_data USING GIN (data);

CREATE SCHEMA sprint_18_marketing_plan;

CREATE TABLE sprint_18_marketing_plan.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_18_marketing_plan_user ON sprint_18_marketing_plan.tool_data (user_id);
CREATE INDEX idx_sprint_18_marketing_plan_org ON sprint_18_marketing_plan.tool_data (organization_id);
CREATE INDEX idx_sprint_18_marketing_plan_status ON sprint_18_marketing_plan.tool_data (status);
CREATE INDEX idx_sprint_18_marketing_plan_updated ON sprint_18_marketing_plan.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_18_marketing_plan_data_gin ON sprint_18_marketing_plan.tool_data USING GIN (data);

CREATE SCHEMA sprint_19_customer_journey;

CREATE TABLE sprint_19_customer_journey.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_19_customer_journey_user ON sprint_19_customer_journey.tool_data (user_id);
CREATE INDEX idx_sprint_19_customer_journey_org ON sprint_19_customer_journey.tool_data (organization_id);
CREATE INDEX idx_sprint_19_customer_journey_status ON sprint_19_customer_journey.tool_data (status);
CREATE INDEX idx_sprint_19_customer_journey_updated ON sprint_19_customer_journey.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_19_customer_journey_data_gin ON sprint_19_customer_journey.tool_data USING GIN (data);

CREATE SCHEMA sprint_20_operations_map;

CREATE TABLE sprint_20_operations_map.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_20_operations_map_user ON sprint_20_operations_map.tool_data (user_id);
CREATE INDEX idx_sprint_20_operations_map_org ON sprint_20_operations_map.tool_data (organization_id);
CREATE INDEX idx_sprint_20_operations_map_status ON sprint_20_operations_map.tool_data (status);
CREATE INDEX idx_sprint_20_operations_map_updated ON sprint_20_operations_map.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_20_operations_map_data_gin ON sprint_20_operations_map.tool_data USING GIN (data);

CREATE SCHEMA sprint_21_key_processes;

CREATE TABLE sprint_21_key_processes.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_21_key_processes_user ON sprint_21_key_processes.tool_data (user_id);
CREATE INDEX idx_sprint_21_key_processes_org ON sprint_21_key_processes.tool_data (organization_id);
CREATE INDEX idx_sprint_21_key_processes_status ON sprint_21_key_processes.tool_data (status);
CREATE INDEX idx_sprint_21_key_processes_updated ON sprint_21_key_processes.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_21_key_processes_data_gin ON sprint_21_key_processes.tool_data USING GIN (data);

CREATE SCHEMA sprint_22_org_chart;

CREATE TABLE sprint_22_org_chart.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_22_org_chart_user ON sprint_22_org_chart.tool_data (user_id);
CREATE INDEX idx_sprint_22_org_chart_org ON sprint_22_org_chart.tool_data (organization_id);
CREATE INDEX idx_sprint_22_org_chart_status ON sprint_22_org_chart.tool_data (status);
CREATE INDEX idx_sprint_22_org_chart_updated ON sprint_22_org_chart.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_22_org_chart_data_gin ON sprint_22_org_chart.tool_data USING GIN (data);

CREATE SCHEMA sprint_23_roles_and_accountabilities;

CREATE TABLE sprint_23_roles_and_accountabilities.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_23_roles_and_accountabilities_user ON sprint_23_roles_and_accountabilities.tool_data (user_id);
CREATE INDEX idx_sprint_23_roles_and_accountabilities_org ON sprint_23_roles_and_accountabilities.tool_data (organization_id);
CREATE INDEX idx_sprint_23_roles_and_accountabilities_status ON sprint_23_roles_and_accountabilities.tool_data (status);
CREATE INDEX idx_sprint_23_roles_and_accountabilities_updated ON sprint_23_roles_and_accountabilities.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_23_roles_and_accountabilities_data_gin ON sprint_23_roles_and_accountabilities.tool_data USING GIN (data);

CREATE SCHEMA sprint_24_fit_abc_analysis;

CREATE TABLE sprint_24_fit_abc_analysis.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_24_fit_abc_analysis_user ON sprint_24_fit_abc_analysis.tool_data (user_id);
CREATE INDEX idx_sprint_24_fit_abc_analysis_org ON sprint_24_fit_abc_analysis.tool_data (organization_id);
CREATE INDEX idx_sprint_24_fit_abc_analysis_status ON sprint_24_fit_abc_analysis.tool_data (status);
CREATE INDEX idx_sprint_24_fit_abc_analysis_updated ON sprint_24_fit_abc_analysis.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_24_fit_abc_analysis_data_gin ON sprint_24_fit_abc_analysis.tool_data USING GIN (data);

CREATE TABLE sprint_24_fit_abc_analysis.team_assessments (
    id               UUID NOT NULL PRIMARY KEY,
    tool_data_id     UUID NOT NULL REFERENCES sprint_24_fit_abc_analysis.tool_data (id) ON DELETE CASCADE,
    team_member_name TEXT NOT NULL,
    role             TEXT,
    fit_energy       INT  NOT NULL CHECK (fit_energy BETWEEN 1 AND 10),
    fit_skill        INT  NOT NULL CHECK (fit_skill BETWEEN 1 AND 10),
    fit_values       INT  NOT NULL CHECK (fit_values BETWEEN 1 AND 10),
    fit_impact       INT  NOT NULL CHECK (fit_impact BETWEEN 1 AND 10),
    abc_rating       CHAR(1) NOT NULL CHECK (abc_rating IN ('A', 'B', 'C')),
    notes            TEXT,
    action_items     JSONB
);
CREATE INDEX idx_sprint_24_fit_abc_analysis_assessments_doc ON sprint_24_fit_abc_analysis.team_assessments (tool_data_id);

CREATE SCHEMA sprint_25_talent_plan;

CREATE TABLE sprint_25_talent_plan.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_25_talent_plan_user ON sprint_25_talent_plan.tool_data (user_id);
CREATE INDEX idx_sprint_25_talent_plan_org ON sprint_25_talent_plan.tool_data (organization_id);
CREATE INDEX idx_sprint_25_talent_plan_status ON sprint_25_talent_plan.tool_data (status);
CREATE INDEX idx_sprint_25_talent_plan_updated ON sprint_25_talent_plan.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_25_talent_plan_data_gin ON sprint_25_talent_plan.tool_data USING GIN (data);

CREATE SCHEMA sprint_26_financial_model;

CREATE TABLE sprint_26_financial_model.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_26_financial_model_user ON sprint_26_financial_model.tool_data (user_id);
CREATE INDEX idx_sprint_26_financial_model_org ON sprint_26_financial_model.tool_data (organization_id);
CREATE INDEX idx_sprint_26_financial_model_status ON sprint_26_financial_model.tool_data (status);
CREATE INDEX idx_sprint_26_financial_model_updated ON sprint_26_financial_model.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_26_financial_model_data_gin ON sprint_26_financial_model.tool_data USING GIN (data);

CREATE SCHEMA sprint_27_cash_flow;

CREATE TABLE sprint_27_cash_flow.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_27_cash_flow_user ON sprint_27_cash_flow.tool_data (user_id);
CREATE INDEX idx_sprint_27_cash_flow_org ON sprint_27_cash_flow.tool_data (organization_id);
CREATE INDEX idx_sprint_27_cash_flow_status ON sprint_27_cash_flow.tool_data (status);
CREATE INDEX idx_sprint_27_cash_flow_updated ON sprint_27_cash_flow.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_27_cash_flow_data_gin ON sprint_27_cash_flow.tool_data USING GIN (data);

CREATE SCHEMA sprint_28_kpi_dashboard;

CREATE TABLE sprint_28_kpi_dashboard.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_28_kpi_dashboard_user ON sprint_28_kpi_dashboard.tool_data (user_id);
CREATE INDEX idx_sprint_28_kpi_dashboard_org ON sprint_28_kpi_dashboard.tool_data (organization_id);
CREATE INDEX idx_sprint_28_kpi_dashboard_status ON sprint_28_kpi_dashboard.tool_data (status);
CREATE INDEX idx_sprint_28_kpi_dashboard_updated ON sprint_28_kpi_dashboard.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_28_kpi_dashboard_data_gin ON sprint_28_kpi_dashboard.tool_data USING GIN (data);

CREATE SCHEMA sprint_29_digital_heart;

CREATE TABLE sprint_29_digital_heart.tool_data (
    id              UUID        NOT NULL PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    event_version   BIGINT      NOT NULL
);
CREATE INDEX idx_sprint_29_digital_heart_user ON sprint_29_digital_heart.tool_data (user_id);
CREATE INDEX idx_sprint_29_digital_heart_org ON sprint_29_digital_heart.tool_data (organization_id);
CREATE INDEX idx_sprint_29_digital_heart_status ON sprint_29_digital_heart.tool_data (status);
CREATE INDEX idx_sprint_29_digital_heart_updated ON sprint_29_digital_heart.tool_data (updated_at DESC);
CREATE INDEX idx_sprint_29_digital_heart_data_gin ON sprint_29_digital_heart.tool_data USING GIN (data);
