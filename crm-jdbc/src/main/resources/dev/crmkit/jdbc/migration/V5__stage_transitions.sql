-- crmkit schema, version 5: the append-only log of deals' stage changes (AN-2, AN-4). No foreign key to deals:
-- the log outlives a deleted deal, so past funnels stay right.

CREATE TABLE stage_transitions (
    id       uuid PRIMARY KEY,
    version  bigint NOT NULL CHECK (version = 1),
    data     jsonb NOT NULL,
    deal     uuid NOT NULL,
    pipeline uuid NOT NULL,
    to_stage uuid NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX stage_transitions_deal_idx ON stage_transitions (deal, at);
CREATE INDEX stage_transitions_pipeline_idx ON stage_transitions (pipeline, at);
