package dev.crmkit.backup;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a backup wrote or a restore read (IO-6).
 *
 * @param version the archive's format version
 * @param created when the backup was taken
 * @param counts how many records each section holds, by its name in the archive, in the archive's order; the
 *               event log is the section {@value Backup#EVENTS}
 * @param sha256 the SHA-256 of the archive's content, in lower-case hex
 */
public record BackupReport(ArchiveVersion version, Instant created, Map<String, Long> counts, String sha256) {

    /** Rejects nulls and copies the counts, keeping their order. */
    public BackupReport {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(sha256, "sha256");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * How many records the archive holds, events not counted.
     *
     * @return the number of records
     */
    public long records() {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals(Backup.EVENTS))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * How many events of the log the archive holds.
     *
     * @return the number of events
     */
    public long events() {
        return counts.getOrDefault(Backup.EVENTS, 0L);
    }
}
