-- crmkit schema, version 3: custom field definitions (DEAL-3), and indexes that serve filters on custom-field
-- values (DEAL-11). Values stay in each record's document under "customFields", keyed by field id; a GIN index
-- (jsonb_path_ops) on that object answers containment, which the adapter adds to every equality and any-of
-- filter on a custom field, so such a filter is an index scan, not a read of every document.

CREATE TABLE custom_fields (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL CHECK (version >= 1),
    data    jsonb NOT NULL,
    entity  text COLLATE "C" NOT NULL,
    name    text COLLATE "C" NOT NULL
);
CREATE INDEX custom_fields_entity_idx ON custom_fields (entity);

CREATE INDEX deals_custom_idx ON deals USING gin ((data -> 'customFields') jsonb_path_ops);
CREATE INDEX leads_custom_idx ON leads USING gin ((data -> 'customFields') jsonb_path_ops);
CREATE INDEX contacts_custom_idx ON contacts USING gin ((data -> 'customFields') jsonb_path_ops);
CREATE INDEX companies_custom_idx ON companies USING gin ((data -> 'customFields') jsonb_path_ops);
