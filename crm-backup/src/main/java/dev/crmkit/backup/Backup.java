package dev.crmkit.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.internal.Storability;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.backup.BackupException.Reason;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Full backup and restore of a storage (IO-6): {@link #write} puts every record of every port and the whole
 * event log into one JSON archive, and {@link #restore} puts an archive back into an empty storage, records with
 * their ids, versions and creation and update times, events with their numbers, so that the restored storage
 * holds exactly what the backed-up one did, plus one {@link EventKind#RESTORED} event the restore writes.
 *
 * <pre>{@code
 * Backup.of(storage, clock).write(annaId, Files.newOutputStream(file));              // Anna is an admin
 * Backup.of(emptyStorage, clock).restore(annaId, Files.newInputStream(file));        // an admin in the archive
 * }</pre>
 *
 * <p><b>The archive</b> is one JSON object, written and read as a stream (memory does not grow with the data):
 * <pre>{@code
 * {"format":"crmkit-backup","version":"1.0","created":"2026-11-02T09:00:00Z",
 *  "content":{"users":[...],"taskTypes":[...], ... ,"timeline":[...],"events":[...]},
 *  "sha256":"<the SHA-256 of the bytes of the content object, in hex>"}
 * }</pre>
 * The sections of the content come in a fixed order, what a record refers to before it; each record is written
 * as the model's record with its components, and read back through the record's own constructor, so its
 * invariants are checked again. No polymorphic default typing: a custom-field value names its type and a
 * timeline entry its kind, from closed lists.
 *
 * <p><b>Refusals</b>, each a {@link BackupException} with its {@link BackupException.Reason} and a code with English
 * and Russian texts, and each leaving the storage as it was: another format, a version of another major number
 * (a newer minor version is read), an archive cut off anywhere, one whose content does not match its checksum,
 * one passing the bounds of {@link Limits} ({@link Limits#BACKUP_BYTES}, {@link Limits#BACKUP_DEPTH} and the
 * lengths of values), a record that is not valid or clashes with another, and a storage that is not empty. The
 * whole restore is one transaction: the checksum is checked when the content has been read, before the commit,
 * so a failure anywhere restores nothing.
 *
 * <p><b>Rights</b>: only an active administrator backs up (one of the storage) or restores (one the archive holds,
 * since the empty storage has no users yet); anyone else gets {@link AccessDeniedException}.
 *
 * <p><b>Consistency</b>: a backup reads every port in one transaction, at the isolation the {@link Storage}
 * guarantees (read committed): each port's records are read in one pass, but changes committed while the backup
 * runs may be in some ports and not in others. For an exact image, back up while nobody writes.
 *
 * <p>Immutable and thread-safe. Neither method closes the stream it is given.
 */
public final class Backup {

    /** The format name every archive states first. */
    public static final String FORMAT = "crmkit-backup";
    /** The version of the archives this crmkit writes; it reads every archive of the same major version. */
    public static final ArchiveVersion VERSION = new ArchiveVersion(1, 0);
    /** The name of the content's last section, the event log. */
    public static final String EVENTS = "events";

    private static final ArchiveCodec CODEC = ArchiveCodec.INSTANCE;
    private static final Map<Section, ObjectWriter> WRITERS = new EnumMap<>(Section.class);
    private static final Map<Section, ObjectReader> READERS = new EnumMap<>(Section.class);
    private static final ObjectWriter EVENT_WRITER = CODEC.writer(ArchiveCodec.type(Event.class));
    private static final ObjectReader EVENT_READER = CODEC.reader(ArchiveCodec.type(Event.class));

    static {
        for (Section s : Section.values()) {
            WRITERS.put(s, CODEC.writer(s.type()));
            READERS.put(s, CODEC.reader(s.type()));
        }
    }

    private final Storage storage;
    private final Clock clock;

    private Backup(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Backup and restore on a storage.
     *
     * @param storage the storage to back up or restore into
     * @param clock the clock of the backup's time and of the restore's event
     * @return the backup
     */
    public static Backup of(Storage storage, Clock clock) {
        return new Backup(Objects.requireNonNull(storage, "storage"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Writes every record and event of the storage to an archive, in one transaction that writes nothing.
     *
     * @param admin the acting user, an active administrator of the storage
     * @param out where the archive goes; flushed, not closed
     * @return what was written
     * @throws AccessDeniedException when the user is unknown, deactivated or not an administrator; nothing is
     *         written then
     * @throws UncheckedIOException when the stream fails; what was written is then cut off, and a restore
     *         refuses it
     */
    public BackupReport write(UserId admin, OutputStream out) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(out, "out");
        return storage.inTransaction(tx -> {
            requireAdmin(tx.users().find(admin), admin, "back up the CRM", "");
            Instant created = now();
            try {
                return write(tx, created, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the backup", e);
            }
        });
    }

    private BackupReport write(Transaction tx, Instant created, OutputStream out) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        MessageDigest sha = ChecksumInput.sha256();
        JsonGenerator head = CODEC.generator(out);
        head.writeStartObject();
        head.writeStringField("format", FORMAT);
        head.writeStringField("version", VERSION.toString());
        head.writeStringField("created", created.toString());
        // The content is written by a generator of its own, through the digest, so that the checksum covers
        // exactly its bytes; the head generator goes on after it as after any field.
        head.writeRaw(",\"content\":");
        head.flush();
        JsonGenerator body = CODEC.generator(new DigestOutputStream(out, sha));
        body.writeStartObject();
        for (Section s : Section.values()) {
            try (Stream<? extends Entity<?>> records = s.store(tx).streamAll()) {
                counts.put(s.key(), writeSection(body, s.key(), WRITERS.get(s), records.iterator()));
            }
        }
        try (Stream<Event> events = tx.events().streamAll()) {
            counts.put(EVENTS, writeSection(body, EVENTS, EVENT_WRITER, events.iterator()));
        }
        body.writeEndObject();
        body.close();
        String checksum = HexFormat.of().formatHex(sha.digest());
        head.writeStringField("sha256", checksum);
        head.writeEndObject();
        head.close();
        out.flush();
        return new BackupReport(VERSION, created, counts, checksum);
    }

    private static long writeSection(JsonGenerator body, String key, ObjectWriter writer, Iterator<?> records)
            throws IOException {
        body.writeArrayFieldStart(key);
        long n = 0;
        while (records.hasNext()) {
            writer.writeValue(body, records.next());
            n++;
        }
        body.writeEndArray();
        return n;
    }

    /**
     * Restores an archive into the storage, which must be empty, in one transaction: every record with its id,
     * version and times, every event with its number, then one {@link EventKind#RESTORED} event by the acting
     * user; events written afterwards are numbered after the archive's last. The stream is read to the end of
     * the archive.
     *
     * @param admin the acting user, an active administrator in the archive
     * @param in the archive; not closed
     * @return what was restored
     * @throws BackupException when the archive or the storage is refused (see the class description); nothing
     *         is restored
     * @throws AccessDeniedException when the archive has no such user, or the user is deactivated or not an
     *         administrator in it; nothing is restored
     * @throws UncheckedIOException when the stream fails; nothing is restored
     */
    public BackupReport restore(UserId admin, InputStream in) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(in, "in");
        ChecksumInput input = new ChecksumInput(in, Limits.BACKUP_BYTES);
        try (JsonParser parser = CODEC.parser(input)) {
            Reader reader = new Reader(parser, input);
            Header header = reader.header();
            return storage.inTransaction(tx -> reader.content(tx, header, admin));
        } catch (IOException e) {
            // Only closing the parser is left to fail here; it closes no stream.
            throw new UncheckedIOException("cannot read the backup", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Requires an active administrator, as crm-core does for the settings. */
    private static User requireAdmin(Optional<User> found, UserId id, String action, String where) {
        User user = found.orElseThrow(() -> new AccessDeniedException("unknown user " + id + where + " cannot act"));
        if (!user.active()) {
            throw new AccessDeniedException("user " + user.name() + where + " is deactivated and cannot act");
        }
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators may " + action + "; " + user.name() + " is not one");
        }
        return user;
    }

    /** What the archive's header says. */
    private record Header(ArchiveVersion version, Instant created) {
    }

    /** One restore's reading of an archive, token by token; every problem becomes a refusal. */
    private final class Reader {

        private final JsonParser p;
        private final ChecksumInput input;
        /** Where reading is, for the paths of problems: a header field, or a section and a record in it. */
        private String place = "";
        private long index = -1;
        /** Whether the archive has said it is one of crmkit's. */
        private boolean recognized;

        Reader(JsonParser p, ChecksumInput input) {
            this.p = p;
            this.input = input;
        }

        Header header() {
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw truncated(null);
                }
                if (first != JsonToken.START_OBJECT || !"format".equals(field())) {
                    throw refused(Reason.FORMAT, null, "backup.format.unknown", "", FORMAT);
                }
                place = "format";
                String format = text();
                if (!FORMAT.equals(format)) {
                    throw refused(Reason.FORMAT, null, "backup.format.unknown", Text.excerpt(format), FORMAT);
                }
                recognized = true;
                place = "version";
                if (!"version".equals(field())) {
                    throw refused(Reason.VERSION, null, "backup.version.invalid", "", VERSION);
                }
                ArchiveVersion version = ArchiveVersion.parse(text());
                if (!VERSION.reads(version)) {
                    throw refused(Reason.VERSION, null, version.major() > VERSION.major() ? "backup.version.newer"
                            : "backup.version.unsupported", version, VERSION);
                }
                Instant created = null;
                for (String field = field(); !"content".equals(field); field = field()) {
                    if (field == null) {
                        throw malformed(null);
                    }
                    place = field;
                    if (field.equals("created")) {
                        created = Instant.parse(text());
                    } else {
                        // A field a newer minor version added to the header: passing over it loses no data.
                        token();
                        p.skipChildren();
                    }
                }
                place = "content";
                if (created == null || token() != JsonToken.START_OBJECT) {
                    throw malformed(null);
                }
                input.startAt(tokenOffset());
                return new Header(version, created);
            } catch (IOException e) {
                throw refusal(e);
            } catch (DateTimeParseException e) {
                throw malformed(e);
            }
        }

        BackupReport content(Transaction tx, Header header, UserId admin) {
            for (Section s : Section.values()) {
                if (!isEmpty(s.store(tx))) {
                    throw refused(Reason.NOT_EMPTY, null, "backup.target.not_empty", s.key());
                }
            }
            if (tx.events().lastSequence() != 0) {
                throw refused(Reason.NOT_EMPTY, null, "backup.target.not_empty", EVENTS);
            }
            try {
                Map<String, Long> counts = new LinkedHashMap<>();
                User actor = null;
                for (Section s : Section.values()) {
                    Records batch = new Records(s.store(tx));
                    counts.put(s.key(), section(s.key(), READERS.get(s), record -> batch.add((Entity<?>) record)));
                    batch.flush();
                    if (s == Section.USERS) {
                        actor = requireAdmin(tx.users().find(admin), admin, "restore a backup", " of the backup");
                    }
                }
                long[] last = {0};
                List<Event> events = new ArrayList<>();
                counts.put(EVENTS, section(EVENTS, EVENT_READER, record -> {
                    Event e = (Event) record;
                    if (e.sequence() <= last[0]) {
                        throw refused(Reason.CONTENT, null, "backup.content.order", e.sequence(), index);
                    }
                    last[0] = e.sequence();
                    events.add(e);
                    if (events.size() == Limits.BATCH) {
                        tx.events().restoreAll(events);
                        events.clear();
                    }
                }));
                if (!events.isEmpty()) {
                    tx.events().restoreAll(events);
                }
                place = "content";
                index = -1;
                if (token() != JsonToken.END_OBJECT) {
                    throw refused(Reason.CONTENT, null, "backup.content.section", Text.excerpt(String.valueOf(
                            p.currentName())), "}");
                }
                String checksum = HexFormat.of().formatHex(input.endAt(tokenOffset() + 1));
                place = "sha256";
                String field = field();
                if (!"sha256".equals(field)) {
                    throw field == null ? refused(Reason.TAMPERED, null, "backup.checksum.missing") : malformed(null);
                }
                if (!checksum.equals(text())) {
                    throw refused(Reason.TAMPERED, null, "backup.checksum.mismatch");
                }
                if (token() != JsonToken.END_OBJECT) {
                    throw malformed(null);
                }
                if (p.nextToken() != null) {
                    throw refused(Reason.MALFORMED, null, "backup.trailing_data", tokenOffset());
                }
                tx.events().append(new NewEvent(now(), Optional.of(actor.id()), RecordRef.of(actor.id()),
                        actor.name(), EventKind.RESTORED, Optional.of("backup"), Optional.empty(),
                        Optional.of(FORMAT + " " + header.version() + " of " + header.created() + ": "
                                + total(counts) + " records, " + counts.get(EVENTS) + " events, sha256 " + checksum)));
                return new BackupReport(header.version(), header.created(), counts, checksum);
            } catch (IOException e) {
                throw refusal(e);
            }
        }

        /** Reads one section's array of records, handing each on; returns how many there were. */
        private long section(String key, ObjectReader records, RecordSink sink) throws IOException {
            place = "content";
            String field = field();
            if (!key.equals(field)) {
                throw refused(Reason.CONTENT, null, "backup.content.section",
                        field == null ? String.valueOf(p.currentToken()) : Text.excerpt(field), key);
            }
            place = key;
            if (token() != JsonToken.START_ARRAY) {
                throw refused(Reason.CONTENT, null, "backup.content.invalid", key, 0);
            }
            index = 0;
            for (JsonToken t = token(); t != JsonToken.END_ARRAY; t = token()) {
                if (t != JsonToken.START_OBJECT) {
                    throw refused(Reason.CONTENT, null, "backup.content.invalid", key, index);
                }
                Object record;
                try {
                    record = records.readValue(p);
                } catch (IOException e) {
                    throw refusal(e);
                } catch (RuntimeException e) {
                    throw refused(Reason.CONTENT, e, "backup.content.invalid", key, index);
                }
                sink.accept(record);
                index++;
            }
            long n = index;
            index = -1;
            return n;
        }

        /**
         * The records of one section on their way into its port, restored {@link Limits#BATCH} at a time with one
         * {@link Store#restoreAll}; a problem is still refused at the index of its record in the section.
         */
        private final class Records {
            private final Store<?, ?> store;
            private final List<Entity<?>> batch = new ArrayList<>();
            private final Set<Object> ids = new HashSet<>();
            /** The section index of the batch's first record. */
            private long first;

            Records(Store<?, ?> store) {
                this.store = store;
            }

            void add(Entity<?> record) {
                try {
                    // What crm-core would refuse to write (text over the bounds, NUL characters, dates out of
                    // range), a restore refuses to read, so no adapter keeps what another could not store.
                    Storability.require(record);
                } catch (ValidationException e) {
                    throw refused(Reason.CONTENT, e, "backup.content.invalid", place, index);
                }
                if (record.version() < 1) {
                    throw refused(Reason.CONTENT, new IllegalArgumentException("version " + record.version()),
                            "backup.content.invalid", place, index);
                }
                if (ids.contains(record.id())) {
                    // The same id twice: the first is stored, so the second conflicts with it, at its own index.
                    flush();
                }
                if (batch.isEmpty()) {
                    first = index;
                }
                batch.add(record);
                ids.add(record.id());
                if (batch.size() == Limits.BATCH) {
                    flush();
                }
            }

            void flush() {
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    restoreInto(store, batch);
                } catch (ConflictException e) {
                    if (e.reason() != ConflictException.Reason.ALREADY_EXISTS
                            && e.reason() != ConflictException.Reason.UNIQUE_KEY) {
                        throw e;
                    }
                    index = indexOf(e.record());
                    throw refused(Reason.CONTENT, e, "backup.content.conflict", place, index);
                } catch (IllegalArgumentException e) {
                    index = first;
                    throw refused(Reason.CONTENT, e, "backup.content.invalid", place, index);
                }
                batch.clear();
                ids.clear();
            }

            /** The section index of the record a conflict names, or of the batch's first without one. */
            private long indexOf(Optional<RecordRef> named) {
                for (int i = 0; named.isPresent() && i < batch.size(); i++) {
                    if (RecordRef.of(batch.get(i).id()).equals(named.get())) {
                        return first + i;
                    }
                }
                return first;
            }
        }

        /** The next token; the end of the input here means the archive is cut off. */
        private JsonToken token() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw truncated(null);
            }
            return t;
        }

        /** The next field's name, or null when the next token is not one. */
        private String field() throws IOException {
            String name = p.nextFieldName();
            if (name == null && p.currentToken() == null) {
                throw truncated(null);
            }
            return name;
        }

        private String text() throws IOException {
            if (token() != JsonToken.VALUE_STRING) {
                throw malformed(null);
            }
            return p.getText();
        }

        /** The position of the current token's first byte. */
        private long tokenOffset() {
            long offset = p.currentTokenLocation().getByteOffset();
            if (offset < 0) {
                // A parser of characters, not of bytes: the archive is not UTF-8.
                throw malformed(null);
            }
            return offset;
        }

        /** A read failure as a refusal: the archive is cut off, too large, too deep, not JSON or not valid. */
        private RuntimeException refusal(IOException e) {
            // Whatever Jackson calls it, a failure at the very end of a stream that has ended, in what began as a
            // crmkit archive, is a cut-off archive: a JSON parser reports some of those as mere syntax errors.
            boolean atTheEnd = recognized && input.atEnd() && p.currentLocation().getByteOffset() >= input.position();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ChecksumInput.TooLargeException) {
                    return refused(Reason.LIMIT, e, "backup.too_large", Limits.BACKUP_BYTES);
                }
                if (t instanceof StreamConstraintsException) {
                    return refused(Reason.LIMIT, e, "backup.limit", Limits.BACKUP_DEPTH, Limits.BACKUP_STRING,
                            Limits.BACKUP_NUMBER, Limits.BACKUP_NAME);
                }
                if (t instanceof JsonEOFException || atTheEnd) {
                    return truncated(e);
                }
            }
            if (e instanceof JsonParseException) {
                return malformed(e);
            }
            if (e instanceof JacksonException) {
                return refused(Reason.CONTENT, e, "backup.content.invalid", place, Math.max(index, 0));
            }
            return new UncheckedIOException("cannot read the backup", e);
        }

        private BackupException truncated(Throwable cause) {
            return refused(Reason.TRUNCATED, cause, "backup.truncated", input.position());
        }

        private BackupException malformed(Throwable cause) {
            return refused(Reason.MALFORMED, cause, "backup.malformed", p.currentLocation().getByteOffset());
        }

        private BackupException refused(Reason reason, Throwable cause, String code, Object... args) {
            String path = index < 0 ? place : "content." + place + "[" + index + "]";
            return BackupException.of(reason, cause, path, code, args);
        }
    }

    /** Takes the records of a section one by one. */
    @FunctionalInterface
    private interface RecordSink {
        void accept(Object record) throws IOException;
    }

    private static long total(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals(EVENTS)).mapToLong(Map.Entry::getValue).sum();
    }

    private static <I extends EntityId, E extends Entity<I>> boolean isEmpty(Store<I, E> store) {
        return store.count(Filter.all()) == 0;
    }

    @SuppressWarnings("unchecked")
    private static <I extends EntityId, E extends Entity<I>> void restoreInto(Store<I, E> store, List<Entity<?>> records) {
        store.restoreAll((List<E>) (List<?>) List.copyOf(records));
    }
}
