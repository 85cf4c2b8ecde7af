package dev.crmkit.jdbc;

import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.spi.DuplicateQueries;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@link DuplicateQueries} in SQL: for each field combination one {@code GROUP BY} over the lookup columns the
 * contacts table already keeps for duplicate detection ({@code phone_keys} and {@code emails} unnested, {@code
 * name_key}, {@code birth_date}), keeping the groups of two or more rows; the union of their members are the
 * candidates. PostgreSQL reads the narrow columns only, never the documents, so a scan of a large table sends
 * back the few contacts that share a value instead of every contact.
 */
final class JdbcDuplicates implements DuplicateQueries {

    private final JdbcTransaction tx;

    JdbcDuplicates(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Set<ContactId> contactCandidates(List<Set<MatchField>> combinations) {
        Objects.requireNonNull(combinations, "combinations");
        if (combinations.isEmpty()) {
            return Set.of();
        }
        List<String> selects = new ArrayList<>();
        for (Set<MatchField> combination : combinations) {
            selects.add(select(combination));
        }
        String sql = String.join(" UNION ", selects);
        return tx.withStatement(sql, (PreparedStatement ps) -> {
            Set<ContactId> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(ContactId.of((UUID) rs.getObject(1)));
                }
            }
            return ids;
        });
    }

    /** The members of the groups of rows with equal values of every field of a combination. */
    private String select(Set<MatchField> combination) {
        if (combination.isEmpty()) {
            throw new IllegalArgumentException("a field combination of a duplicate rule is empty");
        }
        StringBuilder from = new StringBuilder(tx.qualified("contacts")).append(" c");
        List<String> where = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        for (MatchField field : combination) {
            switch (field) {
                case PHONE -> {
                    from.append(" CROSS JOIN LATERAL unnest(c.phone_keys) AS p(v)");
                    groupBy.add("p.v");
                }
                case EMAIL -> {
                    from.append(" CROSS JOIN LATERAL unnest(c.emails) AS e(v)");
                    groupBy.add("e.v");
                }
                case NAME -> {
                    where.add("c.name_key <> ''");
                    groupBy.add("c.name_key");
                }
                case BIRTH_DATE -> {
                    where.add("c.birth_date IS NOT NULL");
                    groupBy.add("c.birth_date");
                }
                default -> throw new IllegalStateException("no lookup column for the match field " + field);
            }
        }
        return "SELECT unnest(array_agg(c.id)) FROM " + from + (where.isEmpty() ? "" : " WHERE "
                + String.join(" AND ", where)) + " GROUP BY " + String.join(", ", groupBy) + " HAVING count(*) > 1";
    }
}
