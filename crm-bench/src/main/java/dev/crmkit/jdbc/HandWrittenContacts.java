package dev.crmkit.jdbc;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The benchmarks' hand-written JDBC peer of crm-jdbc's contacts store: what a developer who knows crm-jdbc's
 * {@code contacts} table would write by hand, one literal statement per operation on a pooled connection, with
 * auto-commit off for the writes (PostgreSQL's driver sends the {@code BEGIN} with the first statement) and a plain
 * auto-commit {@code SELECT} for a find. It computes each column's value with the same functions crm-jdbc uses and
 * the {@code data} document with crm-jdbc's own JSON codec (which is why it lives in crm-jdbc's package, inside
 * crm-bench only), so both sides store byte-identical rows and the comparison is about the adapter's own cost:
 * its transaction set-up, its checks and its statement building. Asked to, it gives every call crm-jdbc's
 * transaction shape as well (its set-up statement, a transaction around a find), which leaves only the rest of the
 * adapter's cost between the two. Thread-safe (no state besides the data source).
 */
public final class HandWrittenContacts {

    private static final String COLUMNS = "id, version, data, name, company, responsible, access, managers, type, "
            + "temperature, birth_date, created, updated, tags, phone_keys, emails, name_key";
    private static final String INSERT = "INSERT INTO %s.contacts (" + COLUMNS
            + ") VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE %s.contacts SET version = ?, data = ?::jsonb, name = ?, company = ?, "
            + "responsible = ?, access = ?, managers = ?, type = ?, temperature = ?, birth_date = ?, created = ?, "
            + "updated = ?, tags = ?, phone_keys = ?, emails = ?, name_key = ? WHERE id = ? AND version = ?";
    private static final String FIND = "SELECT data FROM %s.contacts WHERE id = ?";

    /** crm-jdbc's statement at the start of each transaction, sent by the peer only when asked to. */
    private static final String BEGIN = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '30000ms'";

    private final DataSource dataSource;
    private final boolean sameShape;
    private final String insert;
    private final String update;
    private final String find;
    private final JsonCodec codec = new JsonCodec();
    private final List<Column<Contact>> columns = Tables.CONTACTS.columns();

    /**
     * A peer on the contacts table of a schema crm-jdbc has migrated.
     *
     * @param dataSource the pool both sides borrow from
     * @param schema the schema
     * @param sameShape whether to give every call crm-jdbc's transaction shape (its set-up statement before the
     *        first, and a transaction around a find), for the benchmark that tells that cost apart from the rest
     */
    public HandWrittenContacts(DataSource dataSource, String schema, boolean sameShape) {
        this.dataSource = dataSource;
        this.sameShape = sameShape;
        this.insert = INSERT.formatted(schema);
        this.update = UPDATE.formatted(schema);
        this.find = FIND.formatted(schema);
        List<String> expected = List.of(COLUMNS.split(", ")).subList(3, 17);
        if (!columns.stream().map(Column::name).toList().equals(expected)) {
            throw new IllegalStateException("crm-jdbc's contacts columns are now " + columns + ", the peer writes "
                    + expected + ": update the peer");
        }
    }

    /**
     * Inserts a new contact in its own transaction.
     *
     * @param contact the contact, at version 1
     * @throws SQLException if PostgreSQL fails
     */
    public void insert(Contact contact) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            begin(c);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setObject(1, contact.id().value());
                ps.setLong(2, contact.version());
                ps.setString(3, codec.write(contact));
                bindColumns(c, ps, 4, contact);
                ps.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Stores the next state of a contact in its own transaction if its version is still the previous one.
     *
     * @param next the next state
     * @param expectedVersion the version it is based on
     * @return whether it was stored (false: a stale version or no such contact)
     * @throws SQLException if PostgreSQL fails
     */
    public boolean update(Contact next, long expectedVersion) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            begin(c);
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setLong(1, next.version());
                ps.setString(2, codec.write(next));
                int i = bindColumns(c, ps, 3, next);
                ps.setObject(i, next.id().value());
                ps.setLong(i + 1, expectedVersion);
                int rows = ps.executeUpdate();
                c.commit();
                return rows == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Reads a contact.
     *
     * @param id its id
     * @return the contact, or empty
     * @throws SQLException if PostgreSQL fails
     */
    public Optional<Contact> find(ContactId id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (sameShape) {
                c.setAutoCommit(false);
                begin(c);
            }
            try (PreparedStatement ps = c.prepareStatement(find)) {
                ps.setObject(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(codec.read(rs.getString(1), JsonCodec.type(Contact.class)))
                            : Optional.empty();
                }
            } finally {
                if (sameShape) {
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private void begin(Connection c) throws SQLException {
        if (sameShape) {
            try (Statement st = c.createStatement()) {
                st.execute(BEGIN);
            }
        }
    }

    /** Binds the lookup columns from {@code first} on; returns the next parameter's index. */
    private int bindColumns(Connection c, PreparedStatement ps, int first, Contact contact) throws SQLException {
        int i = first;
        for (Column<Contact> column : columns) {
            Object value = column.value().apply(contact);
            if (column.many()) {
                Object[] values = ((java.util.Collection<?>) value).stream().map(SqlValues::toJdbc).toArray();
                ps.setArray(i++, c.createArrayOf(column.sqlType(), values));
            } else if (value == null) {
                ps.setNull(i++, Types.OTHER);
            } else {
                ps.setObject(i++, SqlValues.toJdbc(value));
            }
        }
        return i;
    }
}
