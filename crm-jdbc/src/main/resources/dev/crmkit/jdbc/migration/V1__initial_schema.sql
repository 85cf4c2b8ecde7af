-- crmkit schema, version 1.
-- Each record is stored whole as JSONB in "data" (what the adapter reads back) plus typed columns for every
-- field the ports filter, sort or look up by (what the database indexes and constrains). Text columns that
-- are compared or sorted use the "C" collation, so the order matches the in-memory reference adapter.

CREATE TABLE task_types (
    id       uuid PRIMARY KEY,
    version  bigint NOT NULL CHECK (version >= 1),
    data     jsonb NOT NULL,
    name     text COLLATE "C" NOT NULL,
    position integer NOT NULL
);
CREATE TABLE contact_types (LIKE task_types INCLUDING ALL);
CREATE TABLE temperature_levels (LIKE task_types INCLUDING ALL);
CREATE TABLE loss_reasons (LIKE task_types INCLUDING ALL);
CREATE TABLE product_groups (LIKE task_types INCLUDING ALL);

CREATE TABLE users (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL CHECK (version >= 1),
    data    jsonb NOT NULL,
    name    text COLLATE "C" NOT NULL,
    email   text COLLATE "C",
    role    text COLLATE "C" NOT NULL,
    active  boolean NOT NULL
);
-- A login e-mail belongs to one user (compared in its normalized form).
CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL;

CREATE TABLE companies (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL CHECK (version >= 1),
    data        jsonb NOT NULL,
    name        text COLLATE "C" NOT NULL,
    responsible uuid NOT NULL,
    type        uuid REFERENCES contact_types (id),
    temperature uuid REFERENCES temperature_levels (id),
    created     timestamptz NOT NULL,
    tags        text[] COLLATE "C" NOT NULL
);
CREATE INDEX companies_responsible_idx ON companies (responsible);

CREATE TABLE contacts (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL CHECK (version >= 1),
    data        jsonb NOT NULL,
    name        text COLLATE "C" NOT NULL,
    company     uuid REFERENCES companies (id),
    responsible uuid NOT NULL,
    type        uuid REFERENCES contact_types (id),
    temperature uuid REFERENCES temperature_levels (id),
    birth_date  date,
    created     timestamptz NOT NULL,
    updated     timestamptz NOT NULL,
    tags        text[] COLLATE "C" NOT NULL
);
CREATE INDEX contacts_company_idx ON contacts (company);
CREATE INDEX contacts_responsible_idx ON contacts (responsible);
CREATE INDEX contacts_tags_idx ON contacts USING gin (tags);

CREATE TABLE pipelines (
    id       uuid PRIMARY KEY,
    version  bigint NOT NULL CHECK (version >= 1),
    data     jsonb NOT NULL,
    name     text COLLATE "C" NOT NULL,
    position integer NOT NULL
);

CREATE TABLE leads (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL CHECK (version >= 1),
    data        jsonb NOT NULL,
    name        text COLLATE "C" NOT NULL,
    status      text COLLATE "C" NOT NULL,
    source      text COLLATE "C" NOT NULL,
    responsible uuid NOT NULL,
    contact     uuid REFERENCES contacts (id),
    company     uuid REFERENCES companies (id),
    created     timestamptz NOT NULL
);
CREATE INDEX leads_contact_idx ON leads (contact);
CREATE INDEX leads_responsible_idx ON leads (responsible);

CREATE TABLE deals (
    id              uuid PRIMARY KEY,
    version         bigint NOT NULL CHECK (version >= 1),
    data            jsonb NOT NULL,
    name            text COLLATE "C" NOT NULL,
    pipeline        uuid NOT NULL REFERENCES pipelines (id),
    stage           uuid NOT NULL,
    responsible     uuid NOT NULL,
    contacts        uuid[] NOT NULL,
    company         uuid REFERENCES companies (id),
    product_group   uuid REFERENCES product_groups (id),
    loss_reason     uuid REFERENCES loss_reasons (id),
    source          text COLLATE "C",
    budget_amount   numeric CHECK (budget_amount >= 0),
    budget_currency text COLLATE "C",
    expected_close  date,
    closed          timestamptz,
    created         timestamptz NOT NULL,
    updated         timestamptz NOT NULL,
    tags            text[] COLLATE "C" NOT NULL
);
CREATE INDEX deals_pipeline_stage_idx ON deals (pipeline, stage);
CREATE INDEX deals_responsible_idx ON deals (responsible);
CREATE INDEX deals_company_idx ON deals (company);
CREATE INDEX deals_contacts_idx ON deals USING gin (contacts);
CREATE INDEX deals_tags_idx ON deals USING gin (tags);

CREATE TABLE tasks (
    id         uuid PRIMARY KEY,
    version    bigint NOT NULL CHECK (version >= 1),
    data       jsonb NOT NULL,
    type       uuid NOT NULL REFERENCES task_types (id),
    owner_type text COLLATE "C" NOT NULL,
    owner_id   uuid NOT NULL,
    assignee   uuid NOT NULL,
    deadline   timestamptz NOT NULL,
    closed     timestamptz,
    created    timestamptz NOT NULL
);
CREATE INDEX tasks_owner_idx ON tasks (owner_type, owner_id, deadline);
CREATE INDEX tasks_assignee_idx ON tasks (assignee, deadline);

CREATE TABLE timeline_entries (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL CHECK (version >= 1),
    data        jsonb NOT NULL,
    kind        text COLLATE "C" NOT NULL CHECK (kind IN ('comment', 'call', 'message')),
    owner_type  text COLLATE "C" NOT NULL,
    owner_id    uuid NOT NULL,
    author      uuid NOT NULL,
    at          timestamptz NOT NULL,
    integration text COLLATE "C",
    call_id     text COLLATE "C",
    CHECK (call_id IS NULL OR integration IS NOT NULL)
);
CREATE INDEX timeline_entries_owner_idx ON timeline_entries (owner_type, owner_id, at);
CREATE INDEX timeline_entries_at_idx ON timeline_entries (kind, at);
-- ACT-2: a telephony integration's call id is stored once.
CREATE UNIQUE INDEX timeline_entries_call_key ON timeline_entries (integration, call_id) WHERE call_id IS NOT NULL;

-- EV-1: the append-only event log; sequence numbers are given under a lock at commit, so they are dense
-- and rise in commit order.
CREATE TABLE events (
    sequence    bigint PRIMARY KEY CHECK (sequence >= 1),
    at          timestamptz NOT NULL,
    author      uuid,
    entity_type text COLLATE "C" NOT NULL,
    entity_id   uuid NOT NULL,
    entity_name text NOT NULL,
    kind        text COLLATE "C" NOT NULL,
    field       text,
    before      text,
    after       text
);
CREATE INDEX events_entity_idx ON events (entity_type, entity_id, sequence);
CREATE INDEX events_at_idx ON events (at);
CREATE INDEX events_author_idx ON events (author, sequence);
CREATE INDEX events_kind_idx ON events (kind, sequence);
