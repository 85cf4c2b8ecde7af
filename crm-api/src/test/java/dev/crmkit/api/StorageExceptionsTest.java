package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.ConflictException.Reason;
import java.io.IOException;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConflictException and StorageException")
class StorageExceptionsTest {

    private static final RecordRef DEAL = new RecordRef(EntityType.DEAL, UUID.fromString("018f0000-0000-7000-8000-000000000001"));

    @Test
    @DisplayName("only lock time-outs, deadlocks and serialization failures are retryable")
    void retryableReasons() {
        EnumSet<Reason> retryable = EnumSet.noneOf(Reason.class);
        for (Reason r : Reason.values()) {
            if (r.retryable()) {
                retryable.add(r);
            }
        }
        assertThat(retryable).containsExactlyInAnyOrder(Reason.LOCK_TIMEOUT, Reason.DEADLOCK, Reason.SERIALIZATION_FAILURE);
    }

    @Test
    @DisplayName("the factories say their reason; the old two-argument constructor is an unspecified, permanent conflict")
    void reasons() {
        ConflictException stale = ConflictException.staleVersion(DEAL, 1, 2);
        assertThat(stale.reason()).isEqualTo(Reason.STALE_VERSION);
        assertThat(stale.retryable()).isFalse();
        assertThat(stale.record()).contains(DEAL);
        assertThat(stale.getCause()).isNull();

        ConflictException exists = ConflictException.alreadyExists(DEAL);
        assertThat(exists.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(exists.record()).contains(DEAL);

        ConflictException plain = new ConflictException("something conflicted", null);
        assertThat(plain.reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(plain.retryable()).isFalse();
        assertThat(plain.record()).isEmpty();

        IOException cause = new IOException("server said no");
        ConflictException lock = new ConflictException("a lock could not be had in time", null, Reason.LOCK_TIMEOUT, cause);
        assertThat(lock.retryable()).isTrue();
        assertThat(lock.getCause()).isSameAs(cause);
    }

    @Test
    @DisplayName("a StorageException is a known failure unless made by commitOutcomeUnknown, which says so")
    void outcomeUnknown() {
        IOException cause = new IOException("connection reset");
        assertThat(new StorageException("boom", cause).outcomeUnknown()).isFalse();
        StorageException lost = StorageException.commitOutcomeUnknown("a transaction on crm_acme", cause);
        assertThat(lost.outcomeUnknown()).isTrue();
        assertThat(lost.getCause()).isSameAs(cause);
        assertThat(lost.getMessage()).contains("a transaction on crm_acme").contains("may or may not have happened");
    }
}
