package dev.crmkit.jdbc.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.contact.Names;
import dev.crmkit.api.phone.PhoneNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 2: the columns duplicate detection looks records up by (CON-3, CON-4, CON-5) — phone
 * index keys, normalized e-mails, name match keys — for contacts and companies, indexed, and filled
 * for the rows already there with the same normalization the library uses.
 */
public class V2__Duplicate_keys extends BaseJavaMigration {

    private final ObjectMapper json = new ObjectMapper();

    /** Used by Flyway. */
    public V2__Duplicate_keys() {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String table : List.of("contacts", "companies")) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN phone_keys text[] COLLATE \"C\" NOT NULL DEFAULT '{}', "
                        + "ADD COLUMN emails text[] COLLATE \"C\" NOT NULL DEFAULT '{}', ADD COLUMN name_key text COLLATE \"C\"");
                st.execute("CREATE INDEX " + table + "_phone_keys_idx ON " + table + " USING gin (phone_keys)");
                st.execute("CREATE INDEX " + table + "_emails_idx ON " + table + " USING gin (emails)");
                st.execute("CREATE INDEX " + table + "_name_key_idx ON " + table + " (name_key)");
                backfill(c, table);
            }
        }
    }

    private void backfill(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, data FROM " + table);
             PreparedStatement update = c.prepareStatement(
                     "UPDATE " + table + " SET phone_keys = ?, emails = ?, name_key = ? WHERE id = ?")) {
            while (rs.next()) {
                JsonNode data = json.readTree(rs.getString(2));
                Set<String> phones = new LinkedHashSet<>();
                for (JsonNode p : data.path("phones")) {
                    try {
                        phones.add(PhoneNumber.parse(p.path("number").asText()).indexKey());
                    } catch (ValidationException e) {
                        // a number stored before it was validated is simply not indexed
                    }
                }
                Set<String> emails = new LinkedHashSet<>();
                for (JsonNode e : data.path("emails")) {
                    try {
                        emails.add(Email.parse(e.path("email").asText()).normalized());
                    } catch (ValidationException ex) {
                        // as above
                    }
                }
                update.setArray(1, c.createArrayOf("text", phones.toArray()));
                update.setArray(2, c.createArrayOf("text", emails.toArray()));
                update.setString(3, Names.matchKey(name(data.path("name"))));
                update.setObject(4, UUID.fromString(rs.getString(1)));
                update.executeUpdate();
            }
        }
    }

    private static String name(JsonNode name) {
        if (name.isTextual()) {
            return name.asText();
        }
        List<String> parts = new ArrayList<>();
        for (String part : List.of("first", "middle", "last")) {
            if (name.hasNonNull(part) && !name.get(part).asText().isBlank()) {
                parts.add(name.get(part).asText());
            }
        }
        return String.join(" ", parts);
    }
}
