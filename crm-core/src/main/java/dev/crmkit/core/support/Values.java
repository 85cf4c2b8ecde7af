package dev.crmkit.core.support;

import java.util.function.Consumer;

/** Moving values from the inputs, where "none" is null, into builders, where "none" is a {@code clearX()}. */
public final class Values {

    private Values() {
    }

    /**
     * Sets a value, or clears it when there is none.
     *
     * @param value the value, or null for none
     * @param set the builder's setter
     * @param clear the builder's {@code clearX()}
     * @param <T> the value type
     */
    public static <T> void setOrClear(T value, Consumer<? super T> set, Runnable clear) {
        if (value == null) {
            clear.run();
        } else {
            set.accept(value);
        }
    }
}
