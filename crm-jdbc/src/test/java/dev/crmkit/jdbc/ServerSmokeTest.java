package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded PostgreSQL the tests start")
class ServerSmokeTest {

    @Test
    @DisplayName("is a real PostgreSQL 18")
    void version() throws Exception {
        try (Connection c = EmbeddedPostgresServer.get().getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("18.");
        }
    }
}
