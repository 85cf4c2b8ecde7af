package dev.crmkit.jdbc;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The benchmarks' hand-written JDBC peer of crm-jdbc's contacts store: what a developer who knows crm-jdbc's
 * {@code contacts} table would write by hand, one literal statement per operation on a pooled connection, with
 * auto-commit off for the writes (PostgreSQL's driver sends the {@code BEGIN} with the first statement) and a plain
 * auto-commit {@code SELECT} for a find. It computes each column's value with the same functions crm-jdbc uses and
 * the {@code data} document with crm-jdbc's own JSON codec (which is why it lives in crm-jdbc's package, inside
 * crm-bench only), so both sides store byte-identical rows and the comparison is about the adapter's own cost:
 * its transaction set-up, its checks and its statement building. Asked to, it gives every call crm-jdbc's
 * transaction shape as well (its set-up statement, a transaction around a find), which leaves only the rest of the
 * adapter's cost between the two. For a bulk insert it writes the rows of {@code COPY ... FROM STDIN} itself
 * ({@link #copyAll}). Thread-safe (no state besides the data source).
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
    private static final String COPY = "COPY %s.contacts (" + COLUMNS + ") FROM STDIN";
    /** How many characters of rows {@link #copyAll} gathers before it sends them. */
    private static final int COPY_BUFFER = 1 << 16;

    /** crm-jdbc's statement at the start of each transaction, sent by the peer only when asked to. */
    private static final String BEGIN = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '30000ms'";

    private final DataSource dataSource;
    private final boolean sameShape;
    private final String insert;
    private final String update;
    private final String find;
    private final String copy;
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
        this.copy = COPY.formatted(schema);
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

    /**
     * Inserts new contacts with one {@code COPY contacts (...) FROM STDIN} in one transaction, as a developer who
     * knows the table writes a bulk load by hand: the rows' text (the same column values and JSON document as
     * {@link #insert}, in COPY's text format) is written straight into a buffer as the contacts are read, and each
     * 64 K characters of it go to the server while the next are built; no savepoint, no checks, no fallback.
     *
     * @param contacts the contacts, at version 1, none stored yet
     * @return the rows the server copied
     * @throws SQLException if PostgreSQL refuses the rows or fails
     */
    public long copyAll(List<Contact> contacts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
                long rows;
                try {
                    StringBuilder out = new StringBuilder(COPY_BUFFER + 8_192);
                    for (Contact contact : contacts) {
                        copyRow(out, contact);
                        if (out.length() >= COPY_BUFFER) {
                            send(in, out);
                        }
                    }
                    send(in, out);
                    rows = in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void send(CopyIn in, StringBuilder out) throws SQLException {
        if (out.length() > 0) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }

    /** One row of COPY's text format: the columns of {@link #COLUMNS} in order, tab-separated, {@code \N} for null. */
    private void copyRow(StringBuilder out, Contact contact) {
        out.append(contact.id().value()).append('\t').append(contact.version()).append('\t');
        escape(out, codec.write(contact));
        for (Column<Contact> column : columns) {
            out.append('\t');
            Object value = column.value().apply(contact);
            if (value == null) {
                out.append("\\N");
            } else if (column.many()) {
                out.append('{');
                boolean first = true;
                for (Object element : (Collection<?>) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    if (element == null) {
                        out.append("NULL");
                        continue;
                    }
                    out.append('"');
                    // Twice escaped: a backslash or quote for the array literal, then COPY's own escapes.
                    String text = text(element);
                    for (int k = 0; k < text.length(); k++) {
                        char ch = text.charAt(k);
                        switch (ch) {
                            case '"' -> out.append("\\\\\"");
                            case '\\' -> out.append("\\\\\\\\");
                            case '\t' -> out.append("\\t");
                            case '\n' -> out.append("\\n");
                            case '\r' -> out.append("\\r");
                            default -> out.append(ch);
                        }
                    }
                    out.append('"');
                }
                out.append('}');
            } else {
                escape(out, text(value));
            }
        }
        out.append('\n');
    }

    /** A column value as PostgreSQL's text input reads it: the types contacts' column functions give. */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof EntityId id) {
            return id.value().toString();
        }
        if (value instanceof UUID || value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("the peer has no COPY text for a " + value.getClass().getName()
                + ": update the peer");
    }

    /** Appends text with COPY's escapes for backslash, tab, line feed and carriage return. */
    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
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
