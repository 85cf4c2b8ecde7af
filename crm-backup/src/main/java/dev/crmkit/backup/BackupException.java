package dev.crmkit.backup;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A backup archive, or the storage it is restored into, was refused (IO-6); nothing was restored. It carries
 * one {@link Violation} (a stable code such as {@code backup.checksum.mismatch}, English and Russian texts) and
 * the {@link Reason}, for callers that branch on what went wrong.
 */
public class BackupException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /** Why an archive or a restore was refused. */
    public enum Reason {
        /** The archive ends before its checksum: cut off in a copy or a download. */
        TRUNCATED,
        /** The archive is not well-formed JSON, or goes on after its end. */
        MALFORMED,
        /** The file is not a crmkit backup archive (another format name, or none). */
        FORMAT,
        /** The archive's version is not one this crmkit reads, such as a newer major version. */
        VERSION,
        /** The archive's content does not match its checksum: it was changed or damaged. */
        TAMPERED,
        /** The archive passes a bound of {@link dev.crmkit.api.Limits}: its size, nesting or a value's length. */
        LIMIT,
        /** A record of the archive is not a valid record, in the wrong place, or clashes with another one. */
        CONTENT,
        /** The storage to restore into is not empty. */
        NOT_EMPTY
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param violation the problem, with its code and texts
     */
    public BackupException(Reason reason, Violation violation) {
        super(List.of(violation));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A refusal with one of crm-backup's codes, caused by {@code cause} (or none). */
    static BackupException of(Reason reason, Throwable cause, String path, String code, Object... args) {
        BackupException e = new BackupException(reason, BackupMessages.violation(path, code, args));
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /**
     * Why the archive or the restore was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
