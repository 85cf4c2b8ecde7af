package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

/** A small check of the equals/hashCode contract for value objects with their own equality. */
final class EqualityContract {

    private EqualityContract() {
    }

    /**
     * Checks reflexivity, symmetry, consistency with hashCode and inequality to other values and null.
     *
     * @param value a value
     * @param equal a value that must equal it (built differently)
     * @param different values that must not equal it
     */
    static void check(Object value, Object equal, Object... different) {
        assertThat(value).isEqualTo(value);
        assertThat(value).isEqualTo(equal);
        assertThat(equal).isEqualTo(value);
        assertThat(value.hashCode()).isEqualTo(equal.hashCode());
        assertThat(value).isNotEqualTo(null);
        assertThat(value).isNotEqualTo(new Object());
        for (Object other : different) {
            assertThat(value).isNotEqualTo(other);
            assertThat(other).isNotEqualTo(value);
        }
    }
}
