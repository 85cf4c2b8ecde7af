package dev.crmkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The test database: a pool on the embedded server, the schema migrated once per test run, emptied
 * before each test.
 */
final class TestDatabase {

    static final String SCHEMA = "crmkit_test";
    private static HikariDataSource pool;

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
        DataSource ds = dataSource();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", Tables.ALL.stream().map(t -> SCHEMA + "." + t).toList()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test schema", e);
        }
        return PostgresStorage.builder(ds).schema(SCHEMA).migrate(false).build();
    }
}
