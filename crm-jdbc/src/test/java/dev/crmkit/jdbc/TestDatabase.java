package dev.crmkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The test database: a pool on the embedded server, the schema migrated once per test run, emptied
 * before each test.
 */
final class TestDatabase {

    static final String SCHEMA = "crmkit_test";
    private static HikariDataSource pool;
    /** The schemas migrated in this run. */
    private static final Set<String> MIGRATED = new HashSet<>(Set.of(SCHEMA));

    private TestDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(EmbeddedPostgresServer.get().getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(16);
            config.setPoolName("crmkit-test");
            pool = new HikariDataSource(config);
            PostgresStorage.builder(pool).schema(SCHEMA).build();
        }
        return pool;
    }

    /** A builder of a storage on the test schema, which is migrated already; its data is left as it is. */
    static PostgresStorage.Builder builder() {
        return PostgresStorage.builder(dataSource()).schema(SCHEMA).migrate(false);
    }

    /** A storage on freshly emptied tables. */
    static PostgresStorage freshStorage() {
        return freshStorage(SCHEMA);
    }

    /**
     * A storage on freshly emptied tables of a schema of its own, migrated on first use: for a test that needs
     * several storages at once.
     */
    static synchronized PostgresStorage freshStorage(String schema) {
        DataSource ds = dataSource();
        if (MIGRATED.add(schema)) {
            PostgresStorage.builder(ds).schema(schema).build();
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", Tables.ALL.stream().map(t -> schema + "." + t).toList()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test schema " + schema, e);
        }
        return PostgresStorage.builder(ds).schema(schema).migrate(false).build();
    }
}
