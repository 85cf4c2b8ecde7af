package dev.crmkit.core.analytics;

import java.util.List;
import java.util.function.Function;

/** Finding a report's row by its key. */
final class Rows {

    private Rows() {
    }

    /** The row whose key is {@code key}, or an IllegalArgumentException naming it. */
    static <R> R find(List<R> rows, Function<R, ?> keyOf, Object key) {
        return rows.stream().filter(r -> keyOf.apply(r).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row for " + key));
    }
}
