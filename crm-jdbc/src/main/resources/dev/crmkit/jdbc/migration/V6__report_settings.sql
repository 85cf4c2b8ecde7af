-- crmkit schema, version 6: what admins set for reports: sales goals (AN-8) and the exchange rates reports convert
-- with (AN-13, one table under a fixed id). Both are documents like every other record.

CREATE TABLE sales_goals (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL CHECK (version >= 1),
    data    jsonb NOT NULL,
    manager uuid NOT NULL
);
CREATE INDEX sales_goals_manager_idx ON sales_goals (manager);

CREATE TABLE rate_tables (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL CHECK (version >= 1),
    data    jsonb NOT NULL
);
