package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.Filter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DEAL-11 on PostgreSQL: a filter on a custom field is served by the GIN index on the deals' custom-field
 * documents, not by reading every document. 100,000 deals with a list field of 50 options and a number field;
 * the plans of the adapter's own SQL for an any-of and an equality filter are read with EXPLAIN.
 */
@DisplayName("PostgreSQL adapter: custom-field filters use the index")
class CustomFieldIndexTest {

    private static final String SCHEMA = "crmkit_plan_test";
    private static final CustomFieldId REGION = CustomFieldId.of(UUID.fromString("0192f0c4-0000-7000-8000-000000000001"));
    private static final CustomFieldId SEATS = CustomFieldId.of(UUID.fromString("0192f0c4-0000-7000-8000-000000000002"));

    @BeforeAll
    static void hundredThousandDeals() throws Exception {
        PostgresStorage.builder(TestDatabase.dataSource()).schema(SCHEMA).build();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + SCHEMA + ".deals, " + SCHEMA + ".pipelines CASCADE");
            st.execute("INSERT INTO " + SCHEMA + ".pipelines (id, version, data, name, position) VALUES "
                    + "('0192f0c4-0000-7000-8000-0000000000aa', 1, '{}', 'Sales', 0)");
            st.execute("INSERT INTO " + SCHEMA + ".deals (id, version, data, name, pipeline, stage, responsible, "
                    + "contacts, created, updated, tags) SELECT gen_random_uuid(), 1, jsonb_build_object('customFields', "
                    + "jsonb_build_object('values', jsonb_build_object('" + REGION + "', jsonb_build_object('type', 'choice', 'option', 'r' || (i % 50)),"
                    + " '" + SEATS + "', jsonb_build_object('type', 'number', 'value', i % 1000)))), 'Deal ' || i, "
                    + "'0192f0c4-0000-7000-8000-0000000000aa', gen_random_uuid(), gen_random_uuid(), '{}', now(), now(), "
                    + "'{}' FROM generate_series(1, 100000) AS i");
            st.execute("ANALYZE " + SCHEMA + ".deals");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static String plan(Filter<Deal> filter) throws Exception {
        SqlQuery q = new SqlQuery(Tables.DEALS.byField(), "id", "uuid");
        String sql = "EXPLAIN SELECT id FROM " + SCHEMA + ".deals WHERE " + q.where(filter);
        List<String> lines = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < q.params.size(); i++) {
                SqlValues.bind(c, ps, i + 1, q.params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static long count(Filter<Deal> filter) throws Exception {
        SqlQuery q = new SqlQuery(Tables.DEALS.byField(), "id", "uuid");
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + SCHEMA + ".deals WHERE " + q.where(filter))) {
            for (int i = 0; i < q.params.size(); i++) {
                SqlValues.bind(c, ps, i + 1, q.params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("an any-of filter on a list field is a bitmap scan of the custom-field index, with the exact count")
    void anyOfUsesTheIndex() throws Exception {
        Filter<Deal> filter = CustomFieldQuery.<Deal>choice(REGION).in(List.of("r7", "r11"));
        String plan = plan(filter);
        assertThat(plan).contains("deals_custom_idx").doesNotContain("Seq Scan");
        assertThat(count(filter)).isEqualTo(4_000);
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("an equality filter on a number field is served by the index too, also inside AND")
    void equalityUsesTheIndex() throws Exception {
        Filter<Deal> filter = Filter.and(CustomFieldQuery.<Deal>number(SEATS).eq(new BigDecimal("250")),
                CustomFieldQuery.<Deal>choice(REGION).eq("r0"));
        assertThat(plan(filter)).contains("deals_custom_idx").doesNotContain("Seq Scan");
        assertThat(count(filter)).isEqualTo(100);
    }
}
