package dev.crmkit.jdbc;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.spi.DuplicateQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@link DuplicateQueries} in SQL: for each field combination one {@code GROUP BY} over the lookup columns the
 * contacts table already keeps for duplicate detection ({@code phone_keys} and {@code emails} unnested, {@code
 * name_key}, {@code birth_date}), keeping the groups of two or more rows; the union of their members are the
 * candidates. PostgreSQL groups the narrow columns only, and sends back the documents of the few contacts that
 * share a value (one query, read from a cursor) instead of every contact.
 */
final class JdbcDuplicates implements DuplicateQueries {

    private final JdbcTransaction tx;
    private final JdbcStore<?, Contact> contacts;

    JdbcDuplicates(JdbcTransaction tx, JdbcStore<?, Contact> contacts) {
        this.tx = tx;
        this.contacts = contacts;
    }

    @Override
    public Stream<Contact> contactCandidates(List<Set<MatchField>> combinations) {
        Objects.requireNonNull(combinations, "combinations");
        if (combinations.isEmpty()) {
            return Stream.empty();
        }
        List<String> selects = new ArrayList<>();
        for (Set<MatchField> combination : combinations) {
            selects.add(select(combination));
        }
        return contacts.streamWhere("id IN (" + String.join(" UNION ", selects) + ")");
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
