-- crmkit schema, version 4: the columns access rights filter on (CON-8, USER-5), so a user's visible records are
-- selected by the database, not by reading every document. Rows stored before take their values from "data".

ALTER TABLE contacts ADD COLUMN access text COLLATE "C" NOT NULL DEFAULT 'SHARED_READ';
ALTER TABLE contacts ADD COLUMN managers uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE companies ADD COLUMN access text COLLATE "C" NOT NULL DEFAULT 'SHARED_READ';
ALTER TABLE companies ADD COLUMN managers uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE deals ADD COLUMN restricted_to uuid[] NOT NULL DEFAULT '{}';

UPDATE contacts SET access = data ->> 'access',
    managers = ARRAY(SELECT jsonb_array_elements_text(COALESCE(data -> 'managers', '[]'::jsonb)))::uuid[];
UPDATE companies SET access = data ->> 'access',
    managers = ARRAY(SELECT jsonb_array_elements_text(COALESCE(data -> 'managers', '[]'::jsonb)))::uuid[];
UPDATE deals SET
    restricted_to = ARRAY(SELECT jsonb_array_elements_text(COALESCE(data -> 'restrictedTo', '[]'::jsonb)))::uuid[];

CREATE INDEX contacts_managers_idx ON contacts USING gin (managers);
CREATE INDEX companies_managers_idx ON companies USING gin (managers);
CREATE INDEX deals_restricted_to_idx ON deals USING gin (restricted_to);
-- Most contacts are shared: a private one is found through its responsible user or its managers.
CREATE INDEX contacts_private_idx ON contacts (responsible) WHERE access = 'PRIVATE';
CREATE INDEX companies_private_idx ON companies (responsible) WHERE access = 'PRIVATE';
