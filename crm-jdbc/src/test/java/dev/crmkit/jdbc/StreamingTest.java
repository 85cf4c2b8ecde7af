package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.user.User;
import dev.crmkit.tck.TestData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL adapter: streaming the event log")
class StreamingTest {

    /**
     * The session's open server-side cursors reading the event log: the portals the driver keeps open to
     * fetch a batch at a time. (The pattern is split so that it does not match this query's own text.)
     */
    private static long openCursors(Connection c) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_cursors WHERE statement LIKE '%events ' || 'ORDER BY sequence'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("Events.streamAll reads through a server-side cursor: after the first event the rest are still on the server")
    void streamsThroughACursor() {
        PostgresStorage storage = TestDatabase.freshStorage();
        TestData data = new TestData();
        User owner = data.aUser("Olga Owner");
        int count = 3 * JdbcTransaction.STREAM_FETCH_SIZE + 7;
        storage.run(tx -> {
            tx.users().insert(owner);
            for (int i = 0; i < count; i++) {
                tx.events().append(data.aCreatedEvent(new RecordRef(EntityType.DEAL, data.newId()), owner.id()));
            }
        });
        storage.run(tx -> {
            Connection c = ((JdbcTransaction) tx).connection();
            assertThat(openCursors(c)).isZero();
            long read = 0;
            try (Stream<Event> all = tx.events().streamAll()) {
                Iterator<Event> it = all.iterator();
                assertThat(it.next().sequence()).isEqualTo(1);
                read++;
                assertThat(openCursors(c)).as("a cursor holds the unread events").isEqualTo(1);
                while (it.hasNext()) {
                    assertThat(it.next().sequence()).isEqualTo(++read);
                }
            }
            assertThat(read).isEqualTo(count);
            assertThat(openCursors(c)).as("closing the stream closes its cursor").isZero();
        });
    }
}
