-- crmkit schema, version 7: saved import mappings (IO-1), reused by name.

CREATE TABLE import_templates (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL CHECK (version >= 1),
    data    jsonb NOT NULL,
    name    text COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX import_templates_name_key ON import_templates (name);
