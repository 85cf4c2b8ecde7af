package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The tests' one way to expect a refusal: a {@link ValidationException} whose messages stay short. */
final class Refusals {

    private Refusals() {
    }

    /**
     * Runs a call that must be refused.
     *
     * @param call the call
     * @return the exception; its message and every violation's texts are under 600 and 300 characters
     */
    static ValidationException refused(ThrowingCallable call) {
        ValidationException e = catchThrowableOfType(call, ValidationException.class);
        assertThat(e).as("a ValidationException").isNotNull();
        assertThat(e.getMessage()).hasSizeLessThan(600);
        for (Violation v : e.violations()) {
            assertThat(v.messageEn()).hasSizeLessThan(300);
            assertThat(v.messageRu()).hasSizeLessThan(300);
        }
        return e;
    }
}
