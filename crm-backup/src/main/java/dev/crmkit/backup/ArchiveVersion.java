package dev.crmkit.backup;

import dev.crmkit.api.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a backup archive's format, {@code major.minor}. A reader reads every archive of its own major
 * version: a newer minor version only adds what an older reader may pass over without losing data (fields of
 * the archive's header); a new major version changes what is stored, so a reader refuses archives of a major
 * version above its own ({@link BackupException.Reason#VERSION}).
 *
 * @param major the major version, from 1
 * @param minor the minor version, from 0
 */
public record ArchiveVersion(int major, int minor) {

    private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

    /** Rejects a major version below 1 and a negative minor version. */
    public ArchiveVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("a version is at least 1.0, was " + major + "." + minor);
        }
    }

    /**
     * Parses {@code major.minor}, such as {@code 1.0}.
     *
     * @param text the version as an archive states it
     * @return the version
     * @throws BackupException ({@code backup.version.invalid}) when the text is not of that form
     */
    public static ArchiveVersion parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches() || "0".equals(m.group(1))) {
            throw BackupException.of(BackupException.Reason.VERSION, null, "version", "backup.version.invalid",
                    Text.excerpt(text), Backup.VERSION);
        }
        return new ArchiveVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Whether a reader of this version reads an archive of another: when both have the same major version.
     *
     * @param archive the archive's version
     * @return true when this reader reads it
     */
    public boolean reads(ArchiveVersion archive) {
        return archive.major == major;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
