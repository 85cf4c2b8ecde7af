package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.backup.Backup;
import dev.crmkit.backup.BackupException;
import dev.crmkit.backup.BackupReport;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full backup and restore (IO-6) on the adapter under test: {@code restore(backup(x))} holds every record of
 * every port and the event log of {@code x}, plus the one RESTORED event; every refusal leaves the target as it
 * was. The target storages come from the adapter, like the test's own.
 */
abstract class BackupKit extends FacadeKitBase {

    /** Everything a storage holds: every port's records in id order, by port, and the event log. */
    record Image(Map<String, List<Object>> records, List<Event> events) {
    }

    static Image image(Storage of) {
        return of.inTransaction((Transaction tx) -> {
            Map<String, Function<Transaction, Stream<?>>> ports = new LinkedHashMap<>();
            ports.put("users", t -> t.users().streamAll());
            ports.put("companies", t -> t.companies().streamAll());
            ports.put("contacts", t -> t.contacts().streamAll());
            ports.put("leads", t -> t.leads().streamAll());
            ports.put("pipelines", t -> t.pipelines().streamAll());
            ports.put("customFields", t -> t.customFields().streamAll());
            ports.put("deals", t -> t.deals().streamAll());
            ports.put("stageTransitions", t -> t.stageTransitions().streamAll());
            ports.put("tasks", t -> t.tasks().streamAll());
            ports.put("timeline", t -> t.timeline().streamAll());
            ports.put("salesGoals", t -> t.salesGoals().streamAll());
            ports.put("rateTables", t -> t.rateTables().streamAll());
            ports.put("importTemplates", t -> t.importTemplates().streamAll());
            for (ListKind<?> kind : ListKind.all()) {
                ports.put(kind.key(), t -> t.settings().list(kind).streamAll());
            }
            Map<String, List<Object>> records = new LinkedHashMap<>();
            ports.forEach((name, port) -> {
                try (Stream<?> all = port.apply(tx)) {
                    records.put(name, all.collect(Collectors.toList()));
                }
            });
            try (Stream<Event> events = tx.events().streamAll()) {
                return new Image(records, events.collect(Collectors.toList()));
            }
        });
    }

    private Backup backup(Storage of) {
        return Backup.of(of, clock);
    }

    private byte[] archive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        backup(storage).write(annaUser.id(), out);
        return out.toByteArray();
    }

    private static String text(byte[] archive) {
        return new String(archive, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String archive) {
        return archive.getBytes(StandardCharsets.UTF_8);
    }

    /** Restores an archive that must be refused for a reason, and checks that the target stayed empty. */
    private BackupException refused(Storage target, byte[] archive, BackupException.Reason reason, String code) {
        return refused(target, image(target), archive, reason, code);
    }

    /** The same, for a target known to hold {@code before}. */
    private BackupException refused(Storage target, Image before, byte[] archive, BackupException.Reason reason,
                                    String code) {
        Throwable thrown = catchThrowable(() -> backup(target).restore(annaUser.id(), new ByteArrayInputStream(archive)));
        assertThat(thrown).isInstanceOf(BackupException.class);
        BackupException e = (BackupException) thrown;
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.codes()).containsExactly(code);
        Violation v = e.violations().get(0);
        assertThat(v.messageEn()).isNotBlank();
        assertThat(v.messageRu()).as("a Russian text").containsPattern("[а-яА-Я]");
        assertThat(image(target)).as("nothing restored").isEqualTo(before);
        return e;
    }

    /** Some data of every kind, generated through the public API from a seed (see {@link World}). */
    private World world(long seed) {
        World w = new World(new Random(seed), seed);
        w.build();
        return w;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 20261102})
    @Tag("IO-6")
    @DisplayName("restore(backup(x)) equals x: every record of every port and the event log, then one RESTORED event")
    void roundTrip(long seed, Storage target) {
        try {
            world(seed);
            Image source = image(storage);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BackupReport written = backup(storage).write(annaUser.id(), out);
            assertThat(image(storage)).as("a backup writes nothing").isEqualTo(source);
            clock.advance(Duration.ofHours(1));
            BackupReport read = backup(target).restore(annaUser.id(), new ByteArrayInputStream(out.toByteArray()));
            assertThat(read).isEqualTo(written);
            assertThat(written.events()).isEqualTo(source.events().size());
            assertThat(written.records()).isEqualTo(source.records().values().stream().mapToLong(List::size).sum());

            Image restored = image(target);
            for (String port : source.records().keySet()) {
                List<Object> expected = source.records().get(port);
                List<Object> actual = restored.records().get(port);
                assertThat(actual).as(port).isEqualTo(expected);
                // Field by field, past the equals of value objects: a phone's and an e-mail's text as given count too.
                assertThat(actual).as(port + ", every field").usingRecursiveComparison().isEqualTo(expected);
            }
            assertThat(source.records()).as("the data has records of every port").allSatisfy((port, records) ->
                    assertThat(records).as(port).isNotEmpty());
            assertThat(source.records().get("timeline")).extracting(e -> e.getClass().getSimpleName())
                    .contains("Comment", "Call", "Message");
            List<Event> log = restored.events();
            assertThat(log).hasSize(source.events().size() + 1);
            assertThat(log.subList(0, source.events().size())).isEqualTo(source.events());
            Event last = log.get(log.size() - 1);
            assertThat(last.sequence()).isEqualTo(source.events().get(source.events().size() - 1).sequence() + 1);
            assertThat(last.kind()).isEqualTo(EventKind.RESTORED);
            assertThat(last.author()).contains(annaUser.id());
            assertThat(last.entity()).isEqualTo(RecordRef.of(annaUser.id()));
            assertThat(last.at()).isEqualTo(clock.instant());

            // The restored CRM goes on: its next events are numbered after the restored log.
            CrmSession annaThere = crm(target, policy()).as(annaUser.id());
            Contact later = annaThere.contacts().create(ContactForm.named("After the restore"));
            Image after = image(target);
            assertThat(after.events().get(log.size()).sequence()).isEqualTo(last.sequence() + 1);
            assertThat(after.events().get(log.size()).entity()).isEqualTo(RecordRef.of(later.id()));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("round trip failed for seed " + seed + ": " + e.getMessage(), e);
        }
    }

    @Test
    @Tag("IO-6")
    @DisplayName("an archive states its format and version, and holds its content and the content's SHA-256")
    void archiveShape() {
        world(7);
        String archive = text(archive());
        assertThat(archive).startsWith("{\"format\":\"crmkit-backup\",\"version\":\"1.0\",\"created\":\"");
        assertThat(archive).containsPattern(",\"sha256\":\"[0-9a-f]{64}\"}$");
        assertThat(archive).doesNotContain("@class").doesNotContain("\"@type\"");
        int content = archive.indexOf("\"content\":") + "\"content\":".length();
        int end = archive.lastIndexOf(",\"sha256\":");
        String hash = archive.substring(end + ",\"sha256\":\"".length(), archive.length() - 2);
        assertThat(hash).isEqualTo(sha256(archive.substring(content, end)));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes(text)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Tag("IO-6")
    @DisplayName("an archive of a newer major version is refused; a newer minor version is read")
    void versions(Storage target) {
        world(11);
        String archive = text(archive());
        refused(target, bytes(archive.replace("\"version\":\"1.0\"", "\"version\":\"2.0\"")),
                BackupException.Reason.VERSION, "backup.version.newer");
        refused(target, bytes(archive.replace("\"version\":\"1.0\"", "\"version\":\"one\"")),
                BackupException.Reason.VERSION, "backup.version.invalid");
        refused(target, bytes(archive.replace("\"format\":\"crmkit-backup\"", "\"format\":\"amocrm-export\"")),
                BackupException.Reason.FORMAT, "backup.format.unknown");
        String newerMinor = archive.replace("\"version\":\"1.0\"", "\"version\":\"1.7\",\"note\":{\"added\":[\"in 1.7\"]}");
        assertThat(backup(target).restore(annaUser.id(), new ByteArrayInputStream(bytes(newerMinor))).version())
                .hasToString("1.7");
        assertThat(image(target).records()).isEqualTo(image(storage).records());
    }

    @Test
    @Tag("IO-6")
    @DisplayName("an archive cut off anywhere is refused as cut off and restores nothing")
    void truncated(Storage target) {
        world(12);
        byte[] archive = archive();
        String text = text(archive);
        // Every place in the header, at the content's start, and in and after the checksum; 60 others between.
        Set<Integer> cuts = new java.util.TreeSet<>();
        int content = text.indexOf("\"content\":") + "\"content\":".length();
        for (int c = 0; c <= content + 40; c++) {
            cuts.add(c);
        }
        for (int c = text.lastIndexOf(",\"sha256\":") - 40; c < archive.length; c++) {
            cuts.add(c);
        }
        Random r = new Random(12);
        for (int i = 0; i < 60; i++) {
            cuts.add(content + r.nextInt(archive.length - content));
        }
        Image empty = image(target);
        for (int cut : cuts) {
            BackupException e = refused(target, empty, java.util.Arrays.copyOf(archive, cut),
                    BackupException.Reason.TRUNCATED, "backup.truncated");
            assertThat(e.violations().get(0).messageEn()).as("cut at " + cut).contains(String.format(java.util.Locale.ENGLISH, "%,d", cut));
        }
    }

    @Test
    @Tag("IO-6")
    @DisplayName("an archive whose content or checksum was changed is refused and restores nothing")
    void tampered(Storage target) {
        World w = world(13);
        String archive = text(archive());
        String name = w.firstContactName;
        assertThat(archive).contains(name);
        refused(target, bytes(archive.replaceFirst(java.util.regex.Pattern.quote(name), name.replace('a', 'o'))),
                BackupException.Reason.TAMPERED, "backup.checksum.mismatch");
        int sha = archive.lastIndexOf("\"sha256\":\"") + "\"sha256\":\"".length();
        char flipped = archive.charAt(sha) == '0' ? '1' : '0';
        refused(target, bytes(archive.substring(0, sha) + flipped + archive.substring(sha + 1)),
                BackupException.Reason.TAMPERED, "backup.checksum.mismatch");
        // A whole record taken out leaves well-formed JSON behind, and a changed checksum.
        int events = archive.indexOf("\"events\":[") + "\"events\":[".length();
        int second = archive.indexOf(",{\"sequence\":2,", events);
        refused(target, bytes(archive.substring(0, events) + archive.substring(second + 1)),
                BackupException.Reason.TAMPERED, "backup.checksum.mismatch");
        int end = archive.lastIndexOf(",\"sha256\":");
        refused(target, bytes(archive.substring(0, end) + "}"), BackupException.Reason.TAMPERED,
                "backup.checksum.missing");
        refused(target, bytes(archive + "{}"), BackupException.Reason.MALFORMED, "backup.trailing_data");
    }

    @Test
    @Tag("IO-6")
    @DisplayName("what is not a crmkit archive, or passes the archive's bounds, is refused and restores nothing")
    void notAnArchive(Storage target) {
        refused(target, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, BackupException.Reason.MALFORMED, "backup.malformed");
        refused(target, bytes("[1, 2, 3]"), BackupException.Reason.FORMAT, "backup.format.unknown");
        refused(target, bytes("{\"name\":\"x\"}"), BackupException.Reason.FORMAT, "backup.format.unknown");
        refused(target, bytes(""), BackupException.Reason.TRUNCATED, "backup.truncated");
        String head = "{\"format\":\"crmkit-backup\",\"version\":\"1.0\",\"created\":\"2026-11-02T09:00:00Z\",\"content\":";
        String deep = "[".repeat(Limits.BACKUP_DEPTH) + "]".repeat(Limits.BACKUP_DEPTH);
        refused(target, bytes(head.replace("\"content\":", "\"note\":" + deep + ",\"content\":") + "{}}"),
                BackupException.Reason.LIMIT, "backup.limit");
        String longText = "x".repeat(Limits.BACKUP_STRING + 1);
        refused(target, bytes(head + "{\"users\":[{\"id\":\"" + longText + "\"}]}}"), BackupException.Reason.LIMIT,
                "backup.limit");
        refused(target, bytes(head + "{\"users\":[{\"version\":1" + "0".repeat(Limits.BACKUP_NUMBER) + "}]}}"),
                BackupException.Reason.LIMIT, "backup.limit");
        refused(target, bytes(head + "{\"contacts\":[]}}"), BackupException.Reason.CONTENT, "backup.content.section");
        refused(target, bytes(head + "{\"users\":[{\"id\":\"not a record\"}]}}"), BackupException.Reason.CONTENT,
                "backup.content.invalid");
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a restore of more records and events than one batch holds restores every one, in order, and refuses a clash in a later batch at its index")
    void moreThanOneBatch(Storage target, Storage second) {
        int many = 2 * Limits.BATCH + 17;
        TestData data = new TestData();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            contacts.add(data.aContact("Bulk" + i, "Person", annaUser.id()).toBuilder()
                    .description("line one\tand\\ a tab\nline two " + i).build());
        }
        List<dev.crmkit.api.event.NewEvent> events = new ArrayList<>();
        for (Contact c : contacts) {
            events.add(data.aCreatedEvent(RecordRef.of(c.id()), annaUser.id()));
        }
        for (int from = 0; from < many; from += Limits.BATCH) {
            List<Contact> someContacts = contacts.subList(from, Math.min(many, from + Limits.BATCH));
            List<dev.crmkit.api.event.NewEvent> someEvents = events.subList(from, Math.min(many, from + Limits.BATCH));
            storage.run(tx -> tx.contacts().insertAll(someContacts));
            storage.run(tx -> tx.events().appendAll(someEvents));
        }
        Image source = image(storage);
        assertThat(source.records().get("contacts").size()).isGreaterThan(2 * Limits.BATCH);
        assertThat(source.events().size()).isGreaterThan(2 * Limits.BATCH);
        byte[] archive = archive();

        BackupReport read = backup(target).restore(annaUser.id(), new ByteArrayInputStream(archive));
        assertThat(read.events()).isEqualTo(source.events().size());
        Image restored = image(target);
        assertThat(restored.records()).isEqualTo(source.records());
        assertThat(restored.events().subList(0, source.events().size())).isEqualTo(source.events());
        assertThat(restored.events().get(source.events().size()).kind()).isEqualTo(EventKind.RESTORED);

        // A contact of the third batch repeated at the end of its section: refused at its own index.
        String text = text(archive);
        int open = text.indexOf("\"contacts\":[") + "\"contacts\":".length();
        int end = closing(text, open);
        Contact repeated = contacts.get(2 * Limits.BATCH + 5);
        int at = text.indexOf("{\"id\":\"" + repeated.id().value() + "\"", open);
        assertThat(at).as("the contact's record in the archive").isBetween(open, end);
        String record = text.substring(at, closing(text, at) + 1);
        long count = source.records().get("contacts").size();
        String clashing = text.substring(0, end) + "," + record + text.substring(end);
        BackupException e = refused(second, bytes(clashing), BackupException.Reason.CONTENT, "backup.content.conflict");
        assertThat(e.violations().get(0).path()).isEqualTo("content.contacts[" + count + "]");
    }

    /** The index of the bracket or brace closing the one at {@code open}, skipping JSON strings. */
    private static int closing(String json, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no closing bracket for the one at " + open);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a record of a valid archive that breaks a record's rules or clashes with another restores nothing")
    void invalidRecords(Storage target) {
        world(14);
        String archive = text(archive());
        // Well-formed JSON, refused by the record's own constructor (a version below 1) before the checksum is read.
        String zeroVersion = archive.replaceFirst("\"version\":\\d+,", "\"version\":0,");
        refused(target, bytes(zeroVersion), BackupException.Reason.CONTENT, "backup.content.invalid");
        // Records no adapter could store though their constructors accept them: a NUL in a comment, a comment
        // longer than any text crmkit writes. crm-core would never write them, so a restore does not read them.
        assertThat(archive).contains("They asked for a discount");
        refused(target, bytes(archive.replaceFirst("They asked for a discount", "They asked\\\\u0000 for a discount")),
                BackupException.Reason.CONTENT, "backup.content.invalid");
        refused(target, bytes(archive.replaceFirst("They asked for a discount", "x".repeat(Limits.MESSAGE_BODY + 1))),
                BackupException.Reason.CONTENT, "backup.content.invalid");
        // Two users with one id.
        int users = archive.indexOf("\"users\":[") + "\"users\":[".length();
        String firstUser = archive.substring(users, archive.indexOf("},{", users) + 1);
        refused(target, bytes(archive.substring(0, users) + firstUser + "," + archive.substring(users)),
                BackupException.Reason.CONTENT, "backup.content.conflict");
        // Events out of order.
        int events = archive.indexOf("\"events\":[") + "\"events\":[".length();
        refused(target, bytes(archive.substring(0, events) + archive.substring(events).replaceFirst("\"sequence\":2,",
                "\"sequence\":1,")), BackupException.Reason.CONTENT, "backup.content.order");
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a backup is restored into an empty storage only; into one with data it is refused and changes nothing")
    void nonEmptyTarget(Storage target) {
        world(15);
        byte[] archive = archive();
        refused(storage, archive, BackupException.Reason.NOT_EMPTY, "backup.target.not_empty");
        crm(target, policy()).bootstrap(UserForm.named("Other Admin").email("other@crmkit.test"));
        refused(target, archive, BackupException.Reason.NOT_EMPTY, "backup.target.not_empty");
    }

    @Test
    @Tag("IO-6")
    @DisplayName("only an active administrator backs up, and only one in the archive restores it")
    void onlyAdmins(Storage target) {
        world(16);
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertThat(catchThrowable(() -> backup(storage).write(borisUser.id(), none)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only administrators");
        assertThat(catchThrowable(() -> backup(storage).write(new UserId(data.newId()), none)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(none.size()).as("nothing written").isZero();

        byte[] archive = archive();
        Image empty = image(target);
        for (UserId who : List.of(borisUser.id(), new UserId(data.newId()))) {
            assertThat(catchThrowable(() -> backup(target).restore(who, new ByteArrayInputStream(archive))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(image(target)).as("nothing restored").isEqualTo(empty);
        }
        User vera = anna.users().add(UserForm.named("Vera Admin").email("vera@crmkit.test").admin());
        anna.users().deactivate(vera.id(), annaUser.id());
        byte[] withVera = archive();
        assertThat(catchThrowable(() -> backup(target).restore(vera.id(), new ByteArrayInputStream(withVera))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("deactivated");
        assertThat(image(target)).isEqualTo(empty);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a restore failing at any of its writes is one transaction: it restores nothing")
    void failureAtAnyWrite(Storage target, Storage second) {
        world(17);
        byte[] archive = archive();
        FailingStorage failing = FailingStorage.wrap(target);
        backup(failing).restore(annaUser.id(), new ByteArrayInputStream(archive));
        int writes = failing.writes();
        // A restore writes in batches (Limits.BATCH records of a section, or events, a write), then its event.
        java.util.function.IntUnaryOperator batches = n -> (n + dev.crmkit.api.Limits.BATCH - 1) / dev.crmkit.api.Limits.BATCH;
        assertThat(writes).as("one write a batch of each section's records and of the events, and the RESTORED event")
                .isEqualTo(image(storage).records().values().stream().mapToInt(l -> batches.applyAsInt(l.size())).sum()
                        + batches.applyAsInt(image(storage).events().size()) + 1);
        // The failures are tried on a second, empty storage.
        FailingStorage failingSecond = FailingStorage.wrap(second);
        for (int n : new LinkedHashSet<>(List.of(1, 2, writes / 3, writes / 2, writes - 1, writes))) {
            failingSecond.failOnWrite(n);
            assertThat(catchThrowable(() -> backup(failingSecond).restore(annaUser.id(),
                    new ByteArrayInputStream(archive)))).as("write " + n).isInstanceOf(StorageException.class);
            assertThat(image(second).events()).as("no event after a failure at write " + n).isEmpty();
            assertThat(image(second).records().values()).as("no record after a failure at write " + n)
                    .allMatch(List::isEmpty);
        }
        failingSecond.disarm();
        backup(failingSecond).restore(annaUser.id(), new ByteArrayInputStream(archive));
        assertThat(image(second)).isEqualTo(image(target));
    }

    /**
     * Data of every kind made through the public API from a seed: users, the admin lists, custom fields of
     * contacts and deals, companies and contacts with phones, e-mails, tags and custom values, leads (some
     * declined), pipelines, deals moved through stages, won and lost, edited and deleted, tasks (some closed),
     * comments, calls and messages; the clock moves between the steps, and Anna and Boris take turns.
     */
    private final class World {

        private final Random r;
        private final long seed;
        private final List<Company> companies = new ArrayList<>();
        private final List<Contact> contacts = new ArrayList<>();
        private final List<Deal> deals = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private final List<Pipeline> pipelines = new ArrayList<>();
        private CustomField region;
        private CustomField segment;
        private CustomField seats;
        private CustomField cost;
        private CustomField signed;
        private CustomField colours;
        private int serial;
        String firstContactName;

        World(Random r, long seed) {
            this.r = r;
            this.seed = seed;
        }

        private int next() {
            return ++serial;
        }

        private CrmSession someone() {
            return r.nextInt(3) == 0 ? boris : anna;
        }

        private void tick() {
            clock.advance(Duration.ofSeconds(1 + r.nextInt(36_000)).plusNanos(1000L * r.nextInt(1_000_000)));
        }

        private String phone() {
            return "+7 9" + (10 + r.nextInt(89)) + " " + (100 + r.nextInt(899)) + "-" + (10 + r.nextInt(89)) + "-"
                    + (10 + r.nextInt(89)) + (r.nextInt(4) == 0 ? " ext. " + (1 + r.nextInt(999)) : "");
        }

        private <T> T pick(List<T> from) {
            return from.get(r.nextInt(from.size()));
        }

        void build() {
            pipelines.add(sales());
            pipelines.add(anna.pipelines().create(NewPipeline.named("Partners " + seed).stage("Talk", 20)
                    .stage("Agree", 60)));
            anna.settings().taskTypes().add("Visit " + seed);
            anna.settings().productGroups().add("Chairs " + seed);
            anna.settings().lossReasons().rename(reason("Too expensive").id(), "Price too high");
            region = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Region", FieldType.TEXT));
            segment = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Segment", FieldType.LIST)
                    .option("smb", "Small business").option("ent", "Enterprise"));
            seats = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Seats", FieldType.NUMBER));
            cost = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Cost", FieldType.MONEY));
            signed = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Signed", FieldType.DATE));
            colours = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Colours", FieldType.MULTI_LIST)
                    .option("red", "Red").option("blue", "Blue").option("green", "Green"));
            for (int i = 0; i < 2 + r.nextInt(3); i++) {
                company();
            }
            for (int i = 0; i < 4 + r.nextInt(5); i++) {
                contact();
            }
            firstContactName = contacts.get(0).name().full();
            // One of every step first, so that every seed has every kind of record; then steps at random.
            deal();
            moveDeal();
            task();
            closeTask();
            for (int i = 0; i < 3; i++) {
                // On the first deal, which stays.
                interaction(RecordRef.of(deals.get(0).id()), i);
            }
            lead();
            closeDeal();
            // What admins set for reports (AN-8, AN-13): a goal, changed once, and the exchange rates.
            dev.crmkit.api.analytics.SalesGoal goal = anna.analytics().setGoal(borisUser.id(),
                    LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), dev.crmkit.api.analytics.GoalMeasure.BUDGET,
                    BigDecimal.valueOf(1000 + r.nextInt(100_000)));
            anna.analytics().changeGoal(goal.id(), goal.version(), goal.target().add(BigDecimal.ONE));
            boris.settings().importTemplates().save("Fair " + seed, dev.crmkit.api.EntityType.CONTACT, List.of(
                    new dev.crmkit.api.settings.ImportTemplate.Column("Name", "field:name")));
            anna.analytics().setRates(dev.crmkit.core.analytics.ExchangeRates.in("RUB").rate("USD",
                    BigDecimal.valueOf(9_000 + r.nextInt(1_000), 2).toPlainString()), 0);
            for (int step = 0; step < 40 + r.nextInt(30); step++) {
                tick();
                switch (r.nextInt(12)) {
                    case 0 -> company();
                    case 1 -> contact();
                    case 2, 3 -> deal();
                    case 4 -> moveDeal();
                    case 5 -> task();
                    case 6 -> interaction(RecordRef.of(pick(deals).id()), r.nextInt(3));
                    case 7 -> edit();
                    case 8 -> lead();
                    case 9 -> closeTask();
                    case 10 -> closeDeal();
                    default -> deleteSomething();
                }
            }
            User vera = anna.users().add(UserForm.named("Vera " + seed).email("vera" + seed + "@crmkit.test"));
            anna.users().deactivate(vera.id(), borisUser.id());
        }

        private void company() {
            int n = next();
            companies.add(someone().companies().create(CompanyForm.named("Company " + seed + "-" + n).phone(phone())
                    .email("office" + n + "@company" + seed + ".test").tag(r.nextBoolean() ? "vip" : "new")
                    .link(URI.create("https://company" + n + ".test/"))));
        }

        private void contact() {
            int n = next();
            ContactForm form = ContactForm.person(List.of("Ivan", "Anna", "Pavel", "Maria").get(r.nextInt(4)) + n,
                    "Petrov" + seed).phone(phone()).email("person" + n + "@client" + seed + ".test")
                    .customField(region.id(), new FieldValue.Text(r.nextBoolean() ? "Moscow" : "Kazan"));
            if (r.nextBoolean()) {
                form.customField(segment.id(), new FieldValue.Choice(r.nextBoolean() ? "smb" : "ent"));
            }
            if (r.nextBoolean()) {
                form.phone(phone()).email("Second." + n + "@Client" + seed + ".test");
            }
            if (!companies.isEmpty() && r.nextBoolean()) {
                form.company(pick(companies).id());
            }
            if (r.nextInt(3) == 0) {
                form.birthDate(LocalDate.of(1960 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            }
            contacts.add(someone().contacts().create(form.tag("fair-" + seed)));
        }

        private void deal() {
            int n = next();
            DealForm form = DealForm.in(sales().id()).name("Deal " + seed + "-" + n)
                    .budget(Money.of(BigDecimal.valueOf(r.nextInt(10_000_000), 2), "RUB"))
                    .customField(seats.id(), new FieldValue.Number(BigDecimal.valueOf(1 + r.nextInt(500))))
                    .customField(cost.id(), new FieldValue.Amount(Money.of("1250.50", "RUB")));
            if (r.nextBoolean()) {
                form.customField(signed.id(), new FieldValue.Date(LocalDate.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28))));
            }
            if (r.nextBoolean()) {
                form.customField(colours.id(), new FieldValue.Choices(new LinkedHashSet<>(List.of("blue", "red"))));
            }
            if (!contacts.isEmpty()) {
                form.contact(pick(contacts).id());
            }
            if (r.nextBoolean()) {
                form.product("Chair", BigDecimal.valueOf(1 + r.nextInt(20)), Money.of("1500.00", "RUB"));
            }
            deals.add(anna.deals().create(form.tag("q" + (1 + r.nextInt(4)))));
        }

        private Optional<Deal> openDeal() {
            List<Deal> open = deals.stream().filter(d -> anna.deals().get(d.id()).isOpen()).collect(Collectors.toList());
            return open.isEmpty() ? Optional.empty() : Optional.of(pick(open));
        }

        private void moveDeal() {
            openDeal().ifPresent(d -> {
                Pipeline p = anna.pipelines().get(anna.deals().get(d.id()).pipeline());
                StageId now = anna.deals().get(d.id()).stage();
                List<Stage> open = p.stages().stream().filter(s -> s.kind() == StageKind.OPEN && !s.id().equals(now))
                        .collect(Collectors.toList());
                anna.deals().move(d.id(), pick(open).id());
            });
        }

        private void closeDeal() {
            openDeal().ifPresent(d -> {
                if (r.nextBoolean()) {
                    anna.deals().win(d.id());
                } else {
                    anna.deals().lose(d.id(), reason("Price too high").id());
                }
            });
        }

        private void task() {
            if (deals.isEmpty() && contacts.isEmpty()) {
                return;
            }
            RecordRef on = !deals.isEmpty() && r.nextBoolean() ? RecordRef.of(pick(deals).id())
                    : RecordRef.of(pick(contacts).id());
            if (!exists(on)) {
                return;
            }
            tasks.add(anna.tasks().create(TaskForm.todo("Call back " + next()).on(on)
                    .deadline(clock.instant().plus(Duration.ofHours(1 + r.nextInt(100))))));
        }

        private void closeTask() {
            List<Task> open = tasks.stream().filter(t -> anna.tasks().get(t.id()).isOpen()).collect(Collectors.toList());
            if (!open.isEmpty()) {
                anna.tasks().close(pick(open).id(), r.nextBoolean() ? Optional.of("Done: they agreed") : Optional.empty());
            }
        }

        private boolean exists(RecordRef ref) {
            return ref.type() == EntityType.DEAL ? deals.stream().anyMatch(d -> d.id().value().equals(ref.id()))
                    : contacts.stream().anyMatch(c -> c.id().value().equals(ref.id()));
        }

        private void interaction(RecordRef on, int kind) {
            int n = next();
            switch (kind) {
                case 0 -> anna.timeline().comment(on, "They asked for a discount of " + n + " %.\nCall again on Monday.");
                case 1 -> anna.timeline().logCall(on, NewCall.inbound(phone(), "+7 495 123-45-67", clock.instant())
                        .answered(Duration.ofSeconds(1 + r.nextInt(3600))).cost(Money.of("3.50", "RUB"))
                        .reportedBy("telphin", "call-" + seed + "-" + n));
                default -> anna.timeline().logMessage(on, NewMessage.of(Channel.EMAIL, Direction.OUTBOUND,
                        "anna@crmkit.test", "client" + n + "@client.test").subject("Offer " + n)
                        .body("Dear client,\n\nplease find the offer attached."));
            }
        }

        private void edit() {
            switch (r.nextInt(3)) {
                case 0 -> {
                    if (!contacts.isEmpty()) {
                        int i = r.nextInt(contacts.size());
                        Contact c = anna.contacts().get(contacts.get(i).id());
                        contacts.set(i, anna.contacts().update(c.id(), c.version(), f -> f.position("Buyer " + next())
                                .tag("edited")));
                    }
                }
                case 1 -> {
                    if (!deals.isEmpty()) {
                        int i = r.nextInt(deals.size());
                        Deal d = anna.deals().get(deals.get(i).id());
                        deals.set(i, anna.deals().update(d.id(), d.version(), f -> f.name(d.name() + " (edited)")
                                .expectedClose(LocalDate.of(2027, 1 + r.nextInt(12), 1))));
                    }
                }
                default -> {
                    if (!companies.isEmpty()) {
                        int i = r.nextInt(companies.size());
                        Company c = anna.companies().get(companies.get(i).id());
                        companies.set(i, anna.companies().update(c.id(), c.version(), f -> f.description("Edited "
                                + next()).phone(phone())));
                    }
                }
            }
        }

        private void lead() {
            int n = next();
            Lead lead = boris.leads().create(LeadForm.named("Site request " + seed + "-" + n).person("Olga" + n, "Sidorova")
                    .phone(phone()).budget(Money.of("5000.00", "RUB")));
            if (r.nextBoolean()) {
                anna.leads().decline(lead.id(), lead.version());
            }
        }

        private void deleteSomething() {
            if (deals.size() > 2 && r.nextBoolean()) {
                Deal d = anna.deals().get(deals.remove(r.nextInt(deals.size() - 1) + 1).id());
                tasks.removeIf(t -> t.owner().id().equals(d.id().value()));
                anna.deals().delete(d.id(), d.version());
            } else if (contacts.size() > 3) {
                Contact c = anna.contacts().get(contacts.remove(r.nextInt(contacts.size() - 1) + 1).id());
                tasks.removeIf(t -> t.owner().id().equals(c.id().value()));
                anna.contacts().delete(c.id(), c.version());
            }
        }
    }
}
