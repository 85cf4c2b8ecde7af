package dev.crmkit.jdbc;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policy;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The benchmarks' hand-written PostgreSQL peer of the duplicate check on creating a contact (CON-5): what a developer
 * who knows PostgreSQL writes by hand for "refuse a new contact that duplicates a stored one under the rule", on its
 * own tables in its own schema. Its {@code contacts} table is crm-jdbc's (same columns, same indexes: copied with
 * {@code LIKE … INCLUDING ALL}) without crm-jdbc's two array columns of lookup keys, {@code phone_keys} and
 * {@code emails}; instead it keeps two key tables, {@code phone_keys (id, k)} with the policy's {@link PhoneMatcher}
 * keys and {@code emails (id, k)} with the normalized e-mails, each with a B-tree index on {@code (k, id)} in place
 * of crm-jdbc's GIN index on its array. The name key and the birth date are the table's own columns, as in
 * crm-jdbc ({@code name_key} indexed, {@code birth_date} not, as in crm-jdbc).
 *
 * <p>Creating a contact is one transaction on a pooled connection: one {@code SELECT} that finds a stored contact
 * sharing every key of one of the rule's field combinations ({@link dev.crmkit.core.policy.DuplicateCriteria}: for
 * amoCRM a phone key or an e-mail, for Bitrix24 two of name, phone and birth date), the combinations' lookups joined
 * with {@code UNION ALL} under {@code LIMIT 1}; if it finds none, one statement that inserts the row (the same
 * columns and {@code data} document as crm-jdbc, written with crm-jdbc's own JSON codec and column functions) and
 * its keys (data-modifying {@code WITH}), then the commit. The new contact's keys are computed in the call, with
 * the same public functions crmkit uses ({@code PersonName.matchKey()}, the matcher, {@code Email.normalized()});
 * the stored contacts' keys are loaded before ({@link #load}), as crmkit computed theirs when it stored them. It takes
 * no lock: with one writer nothing can slip in between the check and the insert (crmkit takes advisory locks on the
 * keys so that concurrent writers cannot; this peer is for one thread only).
 */
public final class HandWrittenDuplicateCheck {

    private final DataSource dataSource;
    private final String schema;
    private final PhoneMatcher matcher;
    private final Set<MatchField> fields;
    private final List<List<MatchField>> slots = new ArrayList<>();
    private final String check;
    private final String insert;
    private final List<Column<Contact>> columns;
    private final JsonCodec codec = new JsonCodec();

    /**
     * A peer on its own schema for a policy's contact rule.
     *
     * @param dataSource the pool both sides borrow from
     * @param schema the peer's schema, made by {@link #load}
     * @param policy the rule and phone matcher
     */
    public HandWrittenDuplicateCheck(DataSource dataSource, String schema, Policy policy) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.matcher = policy.phoneMatcher();
        DuplicateCriteria criteria = policy.contactDuplicates();
        this.fields = EnumSet.copyOf(criteria.fields());
        List<String> lookups = new ArrayList<>();
        for (Set<MatchField> combination : dev.crmkit.bench.DuplicateKeys.combinations(criteria)) {
            lookups.add(lookup(combination));
        }
        this.check = "SELECT 1 FROM (" + String.join(" UNION ALL ", lookups) + ") m LIMIT 1";
        this.columns = Tables.CONTACTS.columns().stream()
                .filter(c -> !c.name().equals("phone_keys") && !c.name().equals("emails")).toList();
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        this.insert = "WITH c AS (INSERT INTO " + schema + ".contacts (id, version, data, " + names + ") VALUES (?, ?, "
                + "?::jsonb, " + marks + ")), p AS (INSERT INTO " + schema + ".phone_keys (id, k) SELECT ?, "
                + "unnest(?::text[])) INSERT INTO " + schema + ".emails (id, k) SELECT ?, unnest(?::text[])";
    }

    /**
     * One combination's lookup: a stored contact sharing every key of it, driven from the most selective index
     * (a phone or e-mail key first, then the contact's own columns). Records the order of its parameters.
     */
    private String lookup(Set<MatchField> combination) {
        List<String> from = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<MatchField> order = new ArrayList<>();
        String id = null;
        if (combination.contains(MatchField.PHONE)) {
            from.add(schema + ".phone_keys p");
            where.add("p.k = ANY(?)");
            order.add(MatchField.PHONE);
            id = "p.id";
        }
        if (combination.contains(MatchField.EMAIL)) {
            from.add(id == null ? schema + ".emails e" : "JOIN " + schema + ".emails e ON e.id = " + id);
            where.add("e.k = ANY(?)");
            order.add(MatchField.EMAIL);
            id = id == null ? "e.id" : id;
        }
        if (combination.contains(MatchField.NAME) || combination.contains(MatchField.BIRTH_DATE)) {
            from.add(id == null ? schema + ".contacts c" : "JOIN " + schema + ".contacts c ON c.id = " + id);
            if (combination.contains(MatchField.NAME)) {
                where.add("c.name_key = ?");
                order.add(MatchField.NAME);
            }
            if (combination.contains(MatchField.BIRTH_DATE)) {
                where.add("c.birth_date = ?");
                order.add(MatchField.BIRTH_DATE);
            }
        }
        slots.add(order);
        return "SELECT 1 FROM " + String.join(" ", from) + " WHERE " + String.join(" AND ", where);
    }

    /** A contact's keys, computed with the functions crmkit stores and compares them by. */
    private record Keys(String name, Set<String> phones, Set<String> emails) {
    }

    private Keys keys(Contact c) {
        Set<String> phones = new LinkedHashSet<>();
        if (fields.contains(MatchField.PHONE)) {
            for (ContactPhone p : c.phones()) {
                phones.add(matcher.key(p.number()));
            }
        }
        Set<String> emails = new LinkedHashSet<>();
        if (fields.contains(MatchField.EMAIL)) {
            for (ContactEmail e : c.emails()) {
                emails.add(e.email().normalized());
            }
        }
        return new Keys(c.name().matchKey(), phones, emails);
    }

    /**
     * Makes the peer's schema and fills it with the contacts crm-jdbc stores in {@code crmSchema} (the same rows,
     * copied on the server) and their keys (computed here, loaded with {@code COPY}), then vacuums and analyzes it.
     * Autovacuum is off for its tables: the benchmark vacuums between iterations.
     *
     * @param crmSchema the schema crm-jdbc migrated and stored the contacts in
     * @param stored the contacts it holds
     * @throws SQLException if PostgreSQL fails
     */
    public void load(String crmSchema, List<Contact> stored) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".contacts (LIKE " + crmSchema + ".contacts INCLUDING ALL)");
            st.execute("ALTER TABLE " + schema + ".contacts DROP COLUMN phone_keys, DROP COLUMN emails");
            String names = "id, version, data, " + String.join(", ", columns.stream().map(Column::name).toList());
            st.execute("INSERT INTO " + schema + ".contacts (" + names + ") SELECT " + names + " FROM " + crmSchema
                    + ".contacts");
            for (String table : List.of("phone_keys", "emails")) {
                st.execute("CREATE TABLE " + schema + "." + table + " (id uuid NOT NULL, k text COLLATE \"C\" NOT NULL)");
            }
            StringBuilder p = new StringBuilder();
            StringBuilder e = new StringBuilder();
            for (Contact contact : stored) {
                Keys k = keys(contact);
                String id = contact.id().value().toString();
                k.phones().forEach(key -> p.append(id).append('\t').append(copyText(key)).append('\n'));
                k.emails().forEach(key -> e.append(id).append('\t').append(copyText(key)).append('\n'));
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY " + schema + ".phone_keys (id, k) FROM STDIN", new StringReader(p.toString()));
            copy.copyIn("COPY " + schema + ".emails (id, k) FROM STDIN", new StringReader(e.toString()));
            for (String table : List.of("phone_keys", "emails")) {
                st.execute("CREATE INDEX " + table + "_k_idx ON " + schema + "." + table + " (k, id)");
            }
            for (String table : List.of("contacts", "phone_keys", "emails")) {
                st.execute("ALTER TABLE " + schema + "." + table + " SET (autovacuum_enabled = false)");
                st.execute("VACUUM ANALYZE " + schema + "." + table);
            }
        } catch (IOException e) {
            throw new SQLException("cannot copy the keys in", e);
        }
    }

    /** A value in COPY's text format. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * Creates a contact unless it duplicates a stored one: the check and the insert in one transaction.
     *
     * @param contact the new contact, at version 1
     * @return whether it was created (false: refused as a duplicate)
     * @throws SQLException if PostgreSQL fails
     */
    public boolean create(Contact contact) throws SQLException {
        Keys k = keys(contact);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean duplicate;
                try (PreparedStatement ps = c.prepareStatement(check)) {
                    int i = 1;
                    for (List<MatchField> order : slots) {
                        for (MatchField f : order) {
                            switch (f) {
                                case PHONE -> ps.setArray(i++, c.createArrayOf("text", k.phones().toArray()));
                                case EMAIL -> ps.setArray(i++, c.createArrayOf("text", k.emails().toArray()));
                                case NAME -> {
                                    if (k.name().isEmpty()) {
                                        ps.setNull(i++, Types.VARCHAR);
                                    } else {
                                        ps.setString(i++, k.name());
                                    }
                                }
                                default -> {
                                    if (contact.birthDate().isPresent()) {
                                        ps.setObject(i++, contact.birthDate().get());
                                    } else {
                                        ps.setNull(i++, Types.DATE);
                                    }
                                }
                            }
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        duplicate = rs.next();
                    }
                }
                if (duplicate) {
                    c.rollback();
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    ps.setObject(1, contact.id().value());
                    ps.setLong(2, contact.version());
                    ps.setString(3, codec.write(contact));
                    int i = 4;
                    for (Column<Contact> column : columns) {
                        Object value = column.value().apply(contact);
                        if (column.many()) {
                            Object[] values = ((java.util.Collection<?>) value).stream().map(SqlValues::toJdbc)
                                    .toArray();
                            ps.setArray(i++, c.createArrayOf(column.sqlType(), values));
                        } else if (value == null) {
                            ps.setNull(i++, Types.OTHER);
                        } else {
                            ps.setObject(i++, SqlValues.toJdbc(value));
                        }
                    }
                    ps.setObject(i++, contact.id().value());
                    ps.setArray(i++, c.createArrayOf("text", k.phones().toArray()));
                    ps.setObject(i++, contact.id().value());
                    ps.setArray(i, c.createArrayOf("text", k.emails().toArray()));
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Deletes the contacts created after an instant and their keys, then vacuums the tables (between iterations).
     *
     * @param after the instant the stored contacts were created at or before
     * @throws SQLException if PostgreSQL fails
     */
    public void deleteCreatedAfter(Instant after) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String fresh = "(SELECT id FROM " + schema + ".contacts WHERE created > ?)";
            for (String table : List.of("phone_keys", "emails")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + schema + "." + table
                        + " WHERE id IN " + fresh)) {
                    ps.setTimestamp(1, Timestamp.from(after));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + schema + ".contacts WHERE created > ?")) {
                ps.setTimestamp(1, Timestamp.from(after));
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE " + schema + ".contacts, " + schema + ".phone_keys, " + schema + ".emails");
            }
        }
    }

    /**
     * How many contacts the peer's table holds.
     *
     * @return the rows
     * @throws SQLException if PostgreSQL fails
     */
    public long contacts() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".contacts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The check's SQL, for the record.
     *
     * @return the statement
     */
    public String checkSql() {
        return check;
    }
}
