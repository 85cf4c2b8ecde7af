-- crmkit schema, version 8: contacts and companies found by their exact name (a query with NAME.eq, as crm-io's
-- import asks for every row without phone and e-mail) read an index instead of the whole table.
CREATE INDEX contacts_name_idx ON contacts (name);
CREATE INDEX companies_name_idx ON companies (name);
