package dev.crmkit.jdbc;


import dev.crmkit.api.StorageException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL storage adapter: every port on a {@link DataSource} you supply, in a schema you name,
 * so several CRMs (one per tenant) can share a database. The schema is created and kept up to date by
 * Flyway migrations shipped in this jar.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(config);   // any DataSource; a pool is recommended
 * Storage storage = PostgresStorage.builder(pool).schema("crm_acme").build();   // migrates the schema
 * }</pre>
 *
 * <p>What it guarantees, beyond the {@link Storage} contract:
 * <ul>
 *   <li>{@link #inTransaction} is one JDBC transaction at PostgreSQL's READ COMMITTED level: every statement
 *       sees a consistent snapshot of committed data, never another transaction's uncommitted writes. The
 *       database transaction begins at the first write, lock or stream, in the same round trip as a single write
 *       or lock; reads before it run in auto-commit, each statement on its own snapshot of committed data, which is
 *       what it would see inside a READ COMMITTED transaction (at the session's own level, if the data source's
 *       sessions are set to another one), and work that only reads has no {@code COMMIT} to send. With a
 *       {@link Builder#statementTimeout statement time-out}, or a connection that comes with auto-commit off, the
 *       transaction begins at once, so reads are under the time-out too.</li>
 *   <li>Updates and deletes are {@code … WHERE id = ? AND version = ?}; a stale version is a
 *       {@link dev.crmkit.api.ConflictException}. A row another transaction is changing is waited for,
 *       up to the lock time-out.</li>
 *   <li>{@link Transaction#lock} takes {@code pg_advisory_xact_lock}s, released at commit or rollback.</li>
 *   <li>Events are numbered at commit under an advisory lock, densely and in commit order.</li>
 *   <li>Advisory locks are the schema's own: transactions of different schemas (tenants) never wait for
 *       each other's logical locks or event numbering.</li>
 *   <li>Serialization failures, deadlocks and lock time-outs surface as {@link dev.crmkit.api.ConflictException}
 *       that is {@link dev.crmkit.api.ConflictException#retryable() retryable} (re-run the transaction); a
 *       unique key taken as a permanent one; a statement past the {@link Builder#statementTimeout statement
 *       time-out} and any other database failure as {@link StorageException}, never a raw
 *       {@link SQLException}. The {@code SQLException} is the cause; the message never quotes row values.</li>
 *   <li>A connection lost during the commit is a {@link StorageException} whose
 *       {@link StorageException#outcomeUnknown()} is true: the commit may or may not have happened.</li>
 *   <li>A connection goes back to the data source as it came: the transaction's isolation level and
 *       time-outs are set for the transaction only ({@code SET TRANSACTION}, {@code SET LOCAL}), and
 *       auto-commit is restored.</li>
 *   <li>All SQL is parameterized; filter and sort fields are resolved against the known columns.</li>
 * </ul>
 * Thread-safe: any number of threads may run transactions at once, each on its own connection.
 */
public final class PostgresStorage implements Storage {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The greatest time-out PostgreSQL accepts, in milliseconds. */
    private static final long MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    private final DataSource dataSource;
    private final String schema;
    private final String begin;
    /** Whether every transaction begins at once: with a statement time-out, which reads must be under too. */
    private final boolean beginAtOnce;
    private final JsonCodec codec = new JsonCodec();
    private final java.util.concurrent.ConcurrentMap<String, JdbcStore.Sql> statements =
            new java.util.concurrent.ConcurrentHashMap<>();

    private PostgresStorage(Builder b) {
        this.dataSource = b.dataSource;
        this.schema = b.schema;
        // The isolation level is set for this transaction only, not with setTransactionIsolation, which
        // would change the session of a pooled connection for whoever borrows it next.
        this.begin = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '"
                + b.lockTimeout.toMillis() + "ms'"
                + (b.statementTimeout == null ? "" : "; SET LOCAL statement_timeout = '" + b.statementTimeout.toMillis() + "ms'");
        this.beginAtOnce = b.statementTimeout != null;
    }

    /** The statement each database transaction begins with: its isolation level and time-outs. */
    String setUpStatement() {
        return begin;
    }

    /**
     * Starts configuring a storage on a data source.
     *
     * @param dataSource where connections come from; a pool such as HikariCP is recommended
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Brings the schema to the newest version (creating it if needed). {@link Builder#build()} does this
     * unless told not to.
     *
     * @throws StorageException when the migration fails
     */
    public void migrate() {
        try {
            Flyway.configure(PostgresStorage.class.getClassLoader()).dataSource(dataSource).schemas(schema)
                    .defaultSchema(schema).createSchemas(true).locations("classpath:dev/crmkit/jdbc/migration")
                    .load().migrate();
        } catch (FlywayException e) {
            throw new StorageException("cannot migrate the crmkit schema " + schema, e);
        }
    }

    /**
     * The schema this storage keeps its tables in.
     *
     * @return the schema name
     */
    public String schema() {
        return schema;
    }

    String quotedSchema() {
        return "\"" + schema + "\"";
    }

    JsonCodec codec() {
        return codec;
    }

    /**
     * The statements of a table in this storage's schema, built on first use and shared by every transaction (each
     * table has one spec).
     */
    JdbcStore.Sql sql(TableSpec<?, ?> spec) {
        return statements.computeIfAbsent(spec.table(), t -> JdbcStore.Sql.of(quotedSchema() + "." + t, spec));
    }

    @Override
    public <T> T inTransaction(Function<? super Transaction, ? extends T> work) {
        Objects.requireNonNull(work, "work");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw Errors.translate(e, "connecting for " + what());
        }
        JdbcTransaction tx = null;
        Throwable failure = null;
        try {
            tx = new JdbcTransaction(this, connection);
            return run(connection, tx, work);
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            release(connection, tx != null && tx.autoCommitChanged(), failure);
        }
    }

    /**
     * Runs the work and commits. The database transaction begins at the first write, lock or stream (see
     * {@link JdbcTransaction}), or at once when there is a statement time-out or the connection comes with
     * auto-commit off; work that only read has nothing to commit.
     */
    private <T> T run(Connection connection, JdbcTransaction tx, Function<? super Transaction, ? extends T> work) {
        try {
            if (beginAtOnce || !connection.getAutoCommit()) {
                tx.begin();
            }
            T result = work.apply(tx);
            tx.checkNotFailed();
            tx.flushEvents();
            if (tx.begun()) {
                commit(connection);
            }
            return result;
        } catch (SQLException e) {
            rollback(connection, tx, e);
            throw Errors.translate(e, what());
        } catch (Throwable e) {
            // Anything else, a checked exception thrown sneakily by the work included: handing the connection back
            // with auto-commit restored would commit what the work wrote, so roll back first.
            rollback(connection, tx, e);
            throw e;
        } finally {
            tx.end();
        }
    }

    private void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            // Once COMMIT is on the wire, a broken connection hides whether the server carried it out.
            throw Errors.connectionLost(e) ? StorageException.commitOutcomeUnknown(what(), e)
                    : Errors.translate(e, "committing " + what());
        }
    }

    private static void rollback(Connection connection, JdbcTransaction tx, Throwable cause) {
        if (!tx.begun()) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Hands the connection back as it came. A failure here does not change the transaction's outcome, so
     * it is only attached to the transaction's own failure, if any; a connection that cannot even be
     * reset is broken, and pools discard broken connections.
     */
    private static void release(Connection connection, boolean restoreAutoCommit, Throwable failure) {
        try {
            if (restoreAutoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private String what() {
        return "a transaction on " + schema;
    }

    @Override
    public String toString() {
        return "PostgresStorage[" + schema + "]";
    }

    /** Configures a {@link PostgresStorage}; not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = "crmkit";
        private boolean migrate = true;
        private Duration lockTimeout = Duration.ofSeconds(30);
        private Duration statementTimeout;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the schema (default {@code crmkit}): lower-case letters, digits and underscores, at most 63.
         *
         * @param value the schema name
         * @return this builder
         * @throws IllegalArgumentException for any other name
         */
        public Builder schema(String value) {
            if (value == null || !SCHEMA.matcher(value).matches()) {
                throw new IllegalArgumentException("a schema name is lower-case letters, digits and underscores, "
                        + "at most 63, not starting with a digit: " + value);
            }
            this.schema = value;
            return this;
        }

        /**
         * Whether {@link #build()} migrates the schema (default true).
         *
         * @param value false to manage migrations yourself with {@link PostgresStorage#migrate()}
         * @return this builder
         */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /**
         * How long a statement waits for a row or advisory lock before failing with a retryable
         * {@link dev.crmkit.api.ConflictException} (default 30 seconds). Set per transaction
         * ({@code SET LOCAL lock_timeout}), in whole milliseconds, when the database transaction begins (at the
         * first write, lock or stream): the reads before it run in auto-commit under the session's own setting.
         * They take no row locks and wait only behind a table lock that DDL holds (a migration, a
         * {@code TRUNCATE}); set a {@link #statementTimeout statement time-out}, which makes every transaction
         * begin at once, to bound those waits too.
         *
         * @param value the time-out, from 1 ms to {@value Integer#MAX_VALUE} ms (about 24.8 days)
         * @return this builder
         * @throws IllegalArgumentException outside that range: PostgreSQL reads 0 ms as "no time-out" and
         *         refuses more than {@value Integer#MAX_VALUE} ms
         */
        public Builder lockTimeout(Duration value) {
            this.lockTimeout = checkTimeout("lockTimeout", value);
            return this;
        }

        /**
         * How long one statement may run before PostgreSQL cancels it, which fails the call (and so the
         * transaction) with a {@link StorageException} (default: no limit). Set per transaction
         * ({@code SET LOCAL statement_timeout}), in whole milliseconds. It covers waiting for locks too, so
         * keep it above {@link #lockTimeout} if lock waits should end as conflicts. A stream is fetched in
         * batches; the time-out bounds each fetch, not the reading of the whole stream.
         *
         * @param value the time-out, from 1 ms to {@value Integer#MAX_VALUE} ms (about 24.8 days)
         * @return this builder
         * @throws IllegalArgumentException outside that range: PostgreSQL reads 0 ms as "no time-out" and
         *         refuses more than {@value Integer#MAX_VALUE} ms
         */
        public Builder statementTimeout(Duration value) {
            this.statementTimeout = checkTimeout("statementTimeout", value);
            return this;
        }

        private static Duration checkTimeout(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofMillis(MAX_TIMEOUT_MILLIS)) > 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms and at most " + MAX_TIMEOUT_MILLIS
                        + " ms (PostgreSQL reads 0 ms as no time-out and refuses more), was " + value);
            }
            return value;
        }

        /**
         * Builds the storage, migrating the schema first unless told not to.
         *
         * @return the storage
         * @throws StorageException when the migration fails
         */
        public PostgresStorage build() {
            PostgresStorage storage = new PostgresStorage(this);
            if (migrate) {
                storage.migrate();
            }
            return storage;
        }
    }

}
