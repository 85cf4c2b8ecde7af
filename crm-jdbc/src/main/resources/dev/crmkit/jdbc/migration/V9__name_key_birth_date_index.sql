-- crmkit schema, version 9: a duplicate check under a rule of the name with the birth date (Bitrix24's) looks a
-- contact up by both at once, so the index on the name key alone becomes one on the name key and the birth date; a
-- lookup by the name key alone still reads it (its first column), and a write still keeps one index up to date.
CREATE INDEX contacts_name_key_birth_date_idx ON contacts (name_key, birth_date);
DROP INDEX contacts_name_key_idx;
