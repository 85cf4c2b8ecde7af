package dev.crmkit.io;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ClientForm;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactDataForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.contact.OnDuplicate;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.policy.DuplicateCriteria;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Imports contacts, companies, leads and deals from CSV or .xlsx through a session's public services (IO-1 to
 * IO-4): a file that begins as a zip archive is read as an .xlsx workbook ({@link XlsxReader}, its first sheet),
 * any other as CSV ({@link CsvReader}), and the rows of both take the same way from there: every row goes through the same validation and duplicate rules as the API, so a bad
 * row is reported (row, column, code, message) and the rest goes on, and an import that stops leaves whole rows
 * only. New contacts and companies are stored in chunks ({@link ImportOptions#chunkSize()}), each in one
 * transaction with one batch write ({@code createAll}); every other row (an update, a lead, a deal) in its own
 * transaction. Rows are reported and resumed in file order either way. Contacts and companies are matched against stored records and earlier rows of the same file by the
 * policy's duplicate rules ({@code findDuplicates}); crmkit has no duplicate rule for leads and deals, so the
 * import matches a deal by its name in the import's pipeline and a lead by its name and a phone or e-mail in
 * common (or none on either side), among the records the user sees. Every kind follows the
 * {@link DuplicateStrategy}. Shared and thread-safe; one import runs on the calling thread.
 */
public final class Importer {

    private static final DateTimeFormatter TAG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT);

    private final Crm crm;

    private Importer(Crm crm) {
        this.crm = crm;
    }

    /**
     * An importer for a CRM, whose policy and clock it follows (the import tag's time is the clock's, in the
     * importing user's time zone).
     *
     * @param crm the CRM the sessions of the imports belong to
     * @return the importer
     */
    public static Importer of(Crm crm) {
        return new Importer(Objects.requireNonNull(crm, "crm"));
    }

    /**
     * Imports a CSV or .xlsx file, row by row, as the session's user.
     *
     * @param session the importing user's session of this importer's CRM
     * @param file the file's bytes, read once as a stream and closed
     * @param mapping which records to make and which column goes into which field
     * @param options duplicates, tags, dry run, format (of a CSV file), pipeline, listener, where to resume
     * @return the report of every row
     * @throws ValidationException when the file or the mapping is refused before any row is imported, listing
     *         every problem: {@code io.file.empty}, {@code io.file.not_supported}, {@code io.file.not_text},
     *         {@code io.file.charset}, {@code io.file.header_only}, the {@code io.xlsx.*} codes of
     *         {@link XlsxReader#open} for an .xlsx file, {@code io.mapping.empty}, {@code io.mapping.column_missing},
     *         {@code io.mapping.unknown_field}, {@code io.mapping.pipeline_required}, {@code io.tag.required}
     * @throws ImportStoppedException when the storage fails or the file turns unreadable midway (such as invalid
     *         text in a CSV file, {@code io.file.charset}, or a broken sheet, {@code io.xlsx.unreadable}); its report says
     *         which rows were done
     * @throws NotFoundException when the options name a pipeline the user does not see
     */
    public ImportReport run(CrmSession session, InputStream file, ImportMapping mapping, ImportOptions options) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(options, "options");
        try (Rows reader = Rows.open(file, options.format())) {
            if (!options.importTag() && crm.policy().importTagRequired()) {
                throw IoMessages.invalid("importTag", "io.tag.required", crm.policy().name());
            }
            Optional<CsvRow> header = reader.next();
            while (header.isPresent() && header.get().blank()) {
                header = reader.next();
            }
            if (header.isEmpty()) {
                throw IoMessages.invalid("", "io.file.empty");
            }
            Run run = new Run(session, resolve(session, header.get(), mapping, options), options, importTag(session,
                    options));
            return run.all(reader);
        }
    }

    /** The rows of a file, CSV or .xlsx (told apart by its first bytes), for the one pipeline both go through. */
    private static final class Rows implements AutoCloseable {
        private final Supplier<Optional<CsvRow>> next;
        private final Runnable close;

        private Rows(Supplier<Optional<CsvRow>> next, Runnable close) {
            this.next = next;
            this.close = close;
        }

        static Rows open(InputStream file, CsvFormat format) {
            BufferedInputStream in = new BufferedInputStream(file, FileKinds.HEAD);
            byte[] head;
            try {
                in.mark(FileKinds.HEAD);
                head = in.readNBytes(FileKinds.HEAD);
                in.reset();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the file", e);
            }
            if (FileKinds.zip(head)) {
                XlsxReader xlsx = XlsxReader.open(in);
                return new Rows(xlsx::next, xlsx::close);
            }
            CsvReader csv = CsvReader.open(in, format);
            return new Rows(csv::next, csv::close);
        }

        Optional<CsvRow> next() {
            return next.get();
        }

        @Override
        public void close() {
            close.run();
        }
    }

    private Optional<String> importTag(CrmSession session, ImportOptions options) {
        if (!options.importTag()) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(crm.clock().instant(), session.me().timeZone());
        return Optional.of("import_" + TAG_TIME.format(now));
    }

    /** A mapped column: where it is in the file, its header and its field. */
    private record Column(int index, String header, ImportField field) {
    }

    /** The mapping checked against the file's header and the stored fields and pipeline. */
    private record Plan(EntityType entity, List<Column> columns, Optional<Pipeline> pipeline) {
    }

    private Plan resolve(CrmSession session, CsvRow header, ImportMapping mapping, ImportOptions options) {
        List<Violation> problems = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        String entity = mapping.entity().name().toLowerCase(Locale.ROOT);
        if (mapping.columns().isEmpty()) {
            problems.add(IoMessages.violation("mapping", "io.mapping.empty"));
        }
        for (Map.Entry<String, ImportField> e : mapping.columns().entrySet()) {
            String path = "mapping." + e.getKey();
            int index = indexOf(header, e.getKey());
            if (index < 0) {
                problems.add(IoMessages.violation(path, "io.mapping.column_missing", e.getKey().strip()));
            }
            ImportField field = e.getValue();
            if (field.standard().isPresent() && !field.standard().get().appliesTo(mapping.entity())) {
                problems.add(IoMessages.violation(path, "io.mapping.unknown_field", field, entity));
            }
            if (field.custom().isPresent() && !customFieldOf(session, field.custom().get(), mapping.entity())) {
                problems.add(IoMessages.violation(path, "io.mapping.unknown_field", field, entity));
            }
            columns.add(new Column(index, e.getKey().strip(), field));
        }
        if (mapping.entity() == EntityType.DEAL && options.pipeline().isEmpty()) {
            problems.add(IoMessages.violation("pipeline", "io.mapping.pipeline_required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Optional<Pipeline> pipeline = mapping.entity() == EntityType.DEAL
                ? Optional.of(session.pipelines().get(options.pipeline().orElseThrow())) : Optional.empty();
        return new Plan(mapping.entity(), columns, pipeline);
    }

    private static int indexOf(CsvRow header, String name) {
        for (int i = 0; i < header.cells().size(); i++) {
            if (CsvCells.restore(header.cell(i)).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean customFieldOf(CrmSession session, CustomFieldId id, EntityType entity) {
        try {
            CustomField field = session.customFields().get(id);
            return field.entity() == entity;
        } catch (NotFoundException unknown) {
            return false;
        }
    }

    /** The values of one row, parsed, with the problems parsing found. */
    private static final class Values {
        final Map<StandardField, List<String>> standard = new LinkedHashMap<>();
        final Map<CustomFieldId, String> custom = new LinkedHashMap<>();
        final List<RowProblem> problems = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        Optional<Stage> stage = Optional.empty();
        Optional<UserId> responsible = Optional.empty();
        Optional<Money> budget = Optional.empty();
        Optional<CompanyId> company = Optional.empty();

        Optional<String> first(StandardField field) {
            List<String> all = standard.get(field);
            return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }

        List<String> all(StandardField field) {
            return standard.getOrDefault(field, List.of());
        }
    }

    /** What one row came to. */
    private enum Outcome { CREATED, UPDATED, SKIPPED, FAILED }

    /**
     * A row waiting in an import's chunk: either a failure found without storage ({@code problems}, no form) or
     * the form of a new record with the row's values.
     */
    private record Waiting(CsvRow row, List<RowProblem> problems, Object form, Values values) {
    }

    /** One import: its plan, options, counters and problems. */
    private final class Run {
        private final CrmSession session;
        private final Plan plan;
        private final ImportOptions options;
        private final Optional<String> importTag;
        private final List<RowProblem> problems = new ArrayList<>();
        private final DryRunMatches seen = new DryRunMatches();
        /** The rows of a chunked import waiting to be stored together, in file order. */
        private final List<Waiting> chunk = new ArrayList<>();
        /** The keys of the chunk's new records, as a dry run knows earlier rows: a row matching one waits for it. */
        private final DryRunMatches chunkKeys = new DryRunMatches();
        /** The rows of a chunk whose batch failed as a whole (a conflict): each goes alone. */
        private final Set<Long> loners = new java.util.HashSet<>();
        /** Rows handed back by a flush, to handle before the next row of the file. */
        private final java.util.ArrayDeque<CsvRow> pending = new java.util.ArrayDeque<>();
        /** The active users, read once per run when a row names a responsible user. */
        private List<User> users;
        private long created;
        private long updated;
        private long skipped;
        private long failed;
        private long lastRowDone;

        Run(CrmSession session, Plan plan, ImportOptions options, Optional<String> importTag) {
            this.session = session;
            this.plan = plan;
            this.options = options;
            this.importTag = importTag;
            this.lastRowDone = options.resumeAfter();
        }

        ImportReport report() {
            return new ImportReport(created, updated, skipped, failed, problems, lastRowDone, options.dryRun(),
                    importTag);
        }

        ImportReport all(Rows reader) {
            boolean anyData = false;
            while (true) {
                Optional<CsvRow> next;
                try {
                    next = reader.next();
                } catch (ValidationException unreadable) {
                    throw new ImportStoppedException(report(), unreadable);
                }
                if (next.isEmpty()) {
                    break;
                }
                CsvRow row = next.get();
                if (row.blank()) {
                    continue;
                }
                anyData = true;
                if (row.number() <= options.resumeAfter()) {
                    continue;
                }
                handle(row);
                drain();
            }
            while (!chunk.isEmpty()) {
                again(flush());
                drain();
            }
            if (!anyData) {
                throw IoMessages.invalid("", "io.file.header_only");
            }
            return report();
        }

        /** Whether new records of this import are stored in chunks: contacts or companies, not a dry run. */
        private boolean chunked() {
            return !options.dryRun() && (plan.entity() == EntityType.CONTACT || plan.entity() == EntityType.COMPANY);
        }

        /** Handles one row: in the chunk when it is a new record (or a failure), else at once, after the chunk. */
        private void handle(CsvRow row) {
            Waiting waiting = chunked() && !loners.contains(row.number()) ? prepare(row) : null;
            if (waiting == null) {
                List<CsvRow> rest = chunk.isEmpty() ? List.of() : flush();
                if (!rest.isEmpty()) {
                    pending.addFirst(row);
                    again(rest);
                    return;
                }
                done(row, alone(row));
                loners.remove(row.number());
                return;
            }
            chunk.add(waiting);
            if (waiting.values() != null) {
                if (plan.entity() == EntityType.CONTACT) {
                    chunkKeys.contact(waiting.values());
                } else {
                    chunkKeys.company(waiting.values());
                }
            }
            if (chunk.size() >= options.chunkSize()) {
                again(flush());
            }
        }

        /** Rows handed back by a flush go first, in file order, before any row after them. */
        private void again(List<CsvRow> rows) {
            for (int i = rows.size() - 1; i >= 0; i--) {
                pending.addFirst(rows.get(i));
            }
        }

        private void drain() {
            while (!pending.isEmpty()) {
                handle(pending.removeFirst());
            }
        }

        /** One row in its own transaction(s), as every row of a dry run, a lead or a deal import goes. */
        private Outcome alone(CsvRow row) {
            try {
                return row(row);
            } catch (RuntimeException storageFailure) {
                throw new ImportStoppedException(report(), storageFailure);
            }
        }

        private void done(CsvRow row, Outcome outcome) {
            count(outcome);
            lastRowDone = row.number();
            options.progress().rowDone(rows(), lastRowDone);
        }

        /**
         * A row of a chunked import as it waits in the chunk: a failure decided without storage (its problems), or
         * a new record's form that found no duplicate among the stored records and no earlier row of the chunk
         * with its keys. Null when the row must be handled alone once the chunk is stored: it matches a stored
         * record or a row of the chunk, or its check could not be made without storing.
         */
        private Waiting prepare(CsvRow row) {
            if (row.tooWide()) {
                return new Waiting(row, List.of(new RowProblem(row.number(), "", IoMessages.violation("",
                        "io.row.too_many_columns", dev.crmkit.api.Limits.IMPORT_COLUMNS))), null, null);
            }
            Values values = parse(row);
            if (!values.problems.isEmpty()) {
                return new Waiting(row, values.problems, null, null);
            }
            try {
                if (plan.entity() == EntityType.CONTACT) {
                    ContactForm form = contactForm(values);
                    if (chunkKeys.contactSeen(values) || !contactOps(values).find().apply(form).isEmpty()) {
                        return null;
                    }
                    return new Waiting(row, List.of(), form, values);
                }
                CompanyForm form = companyForm(values);
                if (chunkKeys.companySeen(values) || !companyOps(values).find().apply(form).isEmpty()) {
                    return null;
                }
                return new Waiting(row, List.of(), form, values);
            } catch (ValidationException invalid) {
                return new Waiting(row, problems(row, invalid), null, null);
            } catch (RuntimeException alone) {
                // Refused or failed (access, conflict, storage): the row alone reports it as it always did.
                return null;
            }
        }

        /**
         * Stores the chunk's new records with one {@code createAll} and reports its rows in order. The batch stops
         * before a row the duplicate policy refuses (it duplicates an earlier row of the chunk): that row is handled
         * alone, now that the rows before it are stored, and the rows after it are handed back.
         *
         * @return the rows to handle again, in file order
         * @throws ImportStoppedException when the storage fails: no row of the chunk is stored or reported
         */
        private List<CsvRow> flush() {
            List<Waiting> rows = new ArrayList<>(chunk);
            chunk.clear();
            chunkKeys.clear();
            List<Integer> creates = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).form() != null) {
                    creates.add(i);
                }
            }
            dev.crmkit.core.contact.CreateResult<?> result = null;
            if (!creates.isEmpty()) {
                try {
                    result = plan.entity() == EntityType.CONTACT
                            ? session.contacts().createAll(forms(rows, creates, ContactForm.class))
                            : session.companies().createAll(forms(rows, creates, CompanyForm.class));
                } catch (ConflictException | NotFoundException changed) {
                    // Nothing of the chunk is stored: its rows go alone, where such a row fails by itself.
                    rows.forEach(w -> loners.add(w.row().number()));
                    return rows.stream().map(Waiting::row).collect(Collectors.toList());
                } catch (RuntimeException storageFailure) {
                    throw new ImportStoppedException(report(), storageFailure);
                }
            }
            int stopAt = result == null || result.stoppedAt().isEmpty() ? Integer.MAX_VALUE
                    : creates.get(result.stoppedAt().getAsInt());
            for (int i = 0; i < rows.size(); i++) {
                Waiting w = rows.get(i);
                if (i == stopAt) {
                    done(w.row(), alone(w.row()));
                    return rows.subList(i + 1, rows.size()).stream().map(Waiting::row).collect(Collectors.toList());
                }
                if (w.form() == null) {
                    done(w.row(), fail(w.row(), w.problems()));
                    continue;
                }
                int k = creates.indexOf(i);
                if (result.created().containsKey(k)) {
                    done(w.row(), Outcome.CREATED);
                } else {
                    done(w.row(), refused(w.row(), result.refused().get(k)));
                }
            }
            return List.of();
        }

        private <F> List<F> forms(List<Waiting> rows, List<Integer> creates, Class<F> type) {
            return creates.stream().map(i -> type.cast(rows.get(i).form())).collect(Collectors.toList());
        }

        /** A row its batch create refused, reported as a refusal of its single create is. */
        private Outcome refused(CsvRow row, dev.crmkit.api.CrmException e) {
            if (e instanceof ValidationException invalid) {
                return fail(row, problems(row, invalid));
            }
            if (e instanceof AccessDeniedException denied) {
                return fail(row, "", IoMessages.violation("", "io.row.access_denied", denied.getMessage()));
            }
            throw new IllegalStateException("a batch create refused a row with " + e, e);
        }

        private List<RowProblem> problems(CsvRow row, ValidationException invalid) {
            List<RowProblem> found = new ArrayList<>();
            for (Violation v : invalid.violations()) {
                found.add(new RowProblem(row.number(), columnOf(v.path()), v));
            }
            return found;
        }

        private long rows() {
            return created + updated + skipped + failed;
        }

        private void count(Outcome outcome) {
            if (outcome == Outcome.CREATED) {
                created++;
            } else if (outcome == Outcome.UPDATED) {
                updated++;
            } else if (outcome == Outcome.SKIPPED) {
                skipped++;
            } else {
                failed++;
            }
        }

        private Outcome fail(CsvRow row, List<RowProblem> found) {
            problems.addAll(found);
            return Outcome.FAILED;
        }

        private Outcome fail(CsvRow row, String column, Violation violation) {
            return fail(row, List.of(new RowProblem(row.number(), column, violation)));
        }

        private Outcome row(CsvRow row) {
            if (row.tooWide()) {
                return fail(row, "", IoMessages.violation("", "io.row.too_many_columns",
                        dev.crmkit.api.Limits.IMPORT_COLUMNS));
            }
            Values values = parse(row);
            if (!values.problems.isEmpty()) {
                return fail(row, values.problems);
            }
            try {
                if (plan.entity() == EntityType.CONTACT) {
                    return contact(row, values);
                }
                if (plan.entity() == EntityType.COMPANY) {
                    return company(row, values);
                }
                if (plan.entity() == EntityType.LEAD) {
                    return lead(values);
                }
                return deal(values);
            } catch (ValidationException invalid) {
                return fail(row, problems(row, invalid));
            } catch (DuplicateException refused) {
                return fail(row, "", IoMessages.violation("", "io.row.duplicate",
                        refused.matches().size() + refused.hiddenMatches()));
            } catch (AccessDeniedException denied) {
                return fail(row, "", IoMessages.violation("", "io.row.access_denied", denied.getMessage()));
            } catch (ConflictException | NotFoundException changed) {
                return fail(row, "", IoMessages.violation("", "io.row.conflict"));
            }
        }

        private Values parse(CsvRow row) {
            Values values = new Values();
            for (Column c : plan.columns()) {
                String text = CsvCells.restore(row.cell(c.index())).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (c.field().custom().isPresent()) {
                    values.custom.put(c.field().custom().get(), text);
                    continue;
                }
                StandardField field = c.field().standard().orElseThrow();
                List<String> list = values.standard.computeIfAbsent(field, f -> new ArrayList<>());
                if (field == StandardField.PHONE || field == StandardField.EMAIL || field == StandardField.TAG) {
                    for (String part : text.split(";")) {
                        String value = part.strip();
                        if (value.isEmpty()) {
                            continue;
                        }
                        if (field == StandardField.PHONE && CsvCells.scientific(value)) {
                            Optional<String> digits = CsvCells.recoverPhone(value);
                            if (digits.isEmpty()) {
                                values.problems.add(new RowProblem(row.number(), c.header(),
                                        IoMessages.violation(c.header(), "io.value.phone_lost", value)));
                                continue;
                            }
                            value = digits.get();
                        }
                        list.add(value);
                    }
                    continue;
                }
                list.add(text);
                if (field == StandardField.BIRTH_DATE || field == StandardField.EXPECTED_CLOSE) {
                    Optional<LocalDate> date = date(text);
                    if (date.isEmpty()) {
                        values.problems.add(new RowProblem(row.number(), c.header(),
                                IoMessages.violation(c.header(), "io.value.date", text)));
                    }
                    values.date = date;
                }
                if (field == StandardField.STAGE) {
                    Optional<Stage> stage = plan.pipeline().orElseThrow().stages().stream()
                            .filter(s -> s.kind() == StageKind.OPEN && s.name().strip().equalsIgnoreCase(text))
                            .findFirst();
                    if (stage.isEmpty()) {
                        values.problems.add(new RowProblem(row.number(), c.header(),
                                IoMessages.violation(c.header(), "io.value.stage", text)));
                    }
                    values.stage = stage;
                }
                if (field == StandardField.RESPONSIBLE) {
                    values.responsible = user(row, c.header(), text, values.problems);
                }
                if (field == StandardField.COMPANY) {
                    values.company = company(row, c.header(), text, values.problems);
                }
            }
            values.first(StandardField.BUDGET).ifPresent(amount -> values.budget = money(row, amount, values));
            return values;
        }

        /** The one active user with the e-mail or name; a problem when none or several have it. */
        private Optional<UserId> user(CsvRow row, String header, String text, List<RowProblem> found) {
            if (users == null) {
                users = session.users().list().stream().filter(User::active).collect(Collectors.toList());
            }
            List<User> matches = users.stream().filter(u -> u.email().map(e -> e.value().equalsIgnoreCase(text))
                    .orElse(false)).collect(Collectors.toList());
            if (matches.isEmpty()) {
                matches = users.stream().filter(u -> u.name().strip().equalsIgnoreCase(text))
                        .collect(Collectors.toList());
            }
            if (matches.size() != 1) {
                found.add(new RowProblem(row.number(), header, IoMessages.violation(header, "io.value.user", text)));
                return Optional.empty();
            }
            return Optional.of(matches.get(0).id());
        }

        /** The one stored company of that name the user sees; a problem when none or several have it. */
        private Optional<CompanyId> company(CsvRow row, String header, String text, List<RowProblem> found) {
            List<Company> matches = session.companies().query(CompanyFields.NAME.eq(text), Sort.byId(),
                    PageRequest.first(2)).items();
            if (matches.size() != 1) {
                found.add(new RowProblem(row.number(), header, IoMessages.violation(header, "io.value.company",
                        text)));
                return Optional.empty();
            }
            return Optional.of(matches.get(0).id());
        }

        /** The budget of a row, in its currency or the policy's report currency; problems under their columns. */
        private Optional<Money> money(CsvRow row, String amount, Values values) {
            String budgetColumn = header(StandardField.BUDGET);
            Optional<String> code = values.first(StandardField.CURRENCY);
            String currencyColumn = code.isPresent() ? header(StandardField.CURRENCY) : budgetColumn;
            try {
                return Optional.of(Money.of(amount, code.orElse(crm.policy().reportCurrency().getCurrencyCode())));
            } catch (ValidationException invalid) {
                for (Violation v : invalid.violations()) {
                    String column = v.path().startsWith("currency") ? currencyColumn : budgetColumn;
                    values.problems.add(new RowProblem(row.number(), column, v));
                }
                return Optional.empty();
            }
        }

        private String header(StandardField field) {
            return plan.columns().stream().filter(c -> c.field().standard().equals(Optional.of(field)))
                    .map(Column::header).findFirst().orElse("");
        }

        private String columnOf(String path) {
            if (path.startsWith("customFields.")) {
                String id = path.substring("customFields.".length());
                for (Column c : plan.columns()) {
                    if (c.field().custom().isPresent() && c.field().custom().get().toString().equals(id)) {
                        return c.header();
                    }
                }
                return "";
            }
            String head = path.split("[.\\[]", 2)[0].toLowerCase(Locale.ROOT);
            StandardField field;
            switch (head) {
                case "name":
                case "first":
                case "firstname":
                    field = plan.columns().stream().anyMatch(c -> c.field().standard().equals(
                            Optional.of(StandardField.NAME))) ? StandardField.NAME : StandardField.FIRST_NAME;
                    break;
                case "middle":
                case "middlename":
                    field = StandardField.MIDDLE_NAME;
                    break;
                case "last":
                case "lastname":
                    field = StandardField.LAST_NAME;
                    break;
                case "phones":
                case "phone":
                    field = StandardField.PHONE;
                    break;
                case "emails":
                case "email":
                    field = StandardField.EMAIL;
                    break;
                case "tags":
                    field = StandardField.TAG;
                    break;
                case "position":
                    field = StandardField.POSITION;
                    break;
                case "birthdate":
                    field = StandardField.BIRTH_DATE;
                    break;
                case "description":
                    field = StandardField.DESCRIPTION;
                    break;
                case "companyname":
                    field = StandardField.COMPANY_NAME;
                    break;
                case "stage":
                    field = StandardField.STAGE;
                    break;
                case "expectedclose":
                    field = StandardField.EXPECTED_CLOSE;
                    break;
                case "responsible":
                    field = StandardField.RESPONSIBLE;
                    break;
                case "budget":
                    field = StandardField.BUDGET;
                    break;
                case "company":
                    field = StandardField.COMPANY;
                    break;
                default:
                    return "";
            }
            return header(field);
        }

        private <F extends ContactDataForm<F>> void reachable(F form, Values values, List<ContactPhone> phones,
                                                               List<ContactEmail> emails, Set<String> tags) {
            for (String phone : values.all(StandardField.PHONE)) {
                if (phones.stream().noneMatch(p -> sameNumber(p.number(), phone))) {
                    form.phone(phone);
                }
            }
            for (String email : values.all(StandardField.EMAIL)) {
                if (emails.stream().noneMatch(e -> e.email().value().equalsIgnoreCase(email))) {
                    form.email(email);
                }
            }
            values.all(StandardField.TAG).forEach(form::tag);
            options.extraTag().ifPresent(form::tag);
            if (tags.stream().noneMatch(t -> t.startsWith("import_"))) {
                importTag.ifPresent(form::tag);
            }
            values.custom.forEach(form::customField);
        }

        private Outcome contact(CsvRow row, Values values) {
            return client(row, contactForm(values), contactOps(values));
        }

        private ContactForm contactForm(Values values) {
            ContactForm form = ContactForm.person(null, null);
            contactValues(form, values, Optional.empty());
            reachable(form, values, List.of(), List.of(), Set.of());
            return form;
        }

        private ClientOps<ContactForm, Contact> contactOps(Values values) {
            return new ClientOps<>(crm.policy().contactDuplicates(), f -> withBareNamesake(
                    session.contacts().findDuplicates(f), values, () -> fullName(values).flatMap(name -> firstBare(
                            page -> session.contacts().query(ContactFields.NAME.eq(name), Sort.byId(), page),
                            c -> c.phones().isEmpty() && c.emails().isEmpty(),
                            c -> new DuplicateMatch(RecordRef.of(c.id()), c.name().full(), EnumSet.of(MatchField.NAME),
                                    BigDecimal.ONE)))),
                    () -> seen.contactSeen(values), () -> seen.contact(values), session.contacts()::create,
                    id -> session.contacts().get(ContactId.of(id)), stored -> session.contacts().update(
                            stored.id(), stored.version(), edit -> {
                                contactValues(edit, values, Optional.of(stored));
                                reachable(edit, values, stored.phones(), stored.emails(), stored.tags());
                            }), Contact::version);
        }

        private void contactValues(ContactForm form, Values values, Optional<Contact> stored) {
            values.first(StandardField.NAME).ifPresent(name -> {
                if (stored.isEmpty() || !stored.get().name().full().equals(name)) {
                    form.firstName(name).middleName(null).lastName(null);
                }
            });
            values.first(StandardField.FIRST_NAME).ifPresent(form::firstName);
            values.first(StandardField.MIDDLE_NAME).ifPresent(form::middleName);
            values.first(StandardField.LAST_NAME).ifPresent(form::lastName);
            values.first(StandardField.POSITION).ifPresent(form::position);
            values.first(StandardField.DESCRIPTION).ifPresent(form::description);
            if (values.standard.containsKey(StandardField.BIRTH_DATE)) {
                values.date.ifPresent(form::birthDate);
            }
        }

        private Outcome company(CsvRow row, Values values) {
            return client(row, companyForm(values), companyOps(values));
        }

        private CompanyForm companyForm(Values values) {
            CompanyForm form = CompanyForm.named(values.first(StandardField.NAME).orElse(null));
            values.first(StandardField.DESCRIPTION).ifPresent(form::description);
            reachable(form, values, List.of(), List.of(), Set.of());
            return form;
        }

        private ClientOps<CompanyForm, Company> companyOps(Values values) {
            return new ClientOps<>(crm.policy().companyDuplicates(), f -> withBareNamesake(
                    session.companies().findDuplicates(f), values, () -> values.first(StandardField.NAME).flatMap(name ->
                            firstBare(page -> session.companies().query(CompanyFields.NAME.eq(name), Sort.byId(), page),
                                    c -> c.phones().isEmpty() && c.emails().isEmpty(),
                                    c -> new DuplicateMatch(RecordRef.of(c.id()), c.name(), EnumSet.of(MatchField.NAME),
                                            BigDecimal.ONE)))),
                    () -> seen.companySeen(values), () -> seen.company(values), session.companies()::create,
                    id -> session.companies().get(CompanyId.of(id)), stored -> session.companies().update(
                            stored.id(), stored.version(), f -> {
                                values.first(StandardField.NAME).ifPresent(f::name);
                                values.first(StandardField.DESCRIPTION).ifPresent(f::description);
                                reachable(f, values, stored.phones(), stored.emails(), stored.tags());
                            }), Company::version);
        }

        /** How the import reaches one kind of client (contacts or companies) for the shared flow of {@link #client}. */
        private record ClientOps<F extends ClientForm<F>, E>(DuplicateCriteria criteria,
                Function<F, List<DuplicateMatch>> find, BooleanSupplier seenInFile, Runnable markSeen,
                Function<F, E> create, Function<java.util.UUID, E> stored, UnaryOperator<E> update,
                ToLongFunction<E> version) {
        }

        /** A contact or company row under the duplicate strategy: create, skip, create anyway or update. */
        private <F extends ClientForm<F>, E> Outcome client(CsvRow row, F form, ClientOps<F, E> ops) {
            List<DuplicateMatch> matches = ops.find().apply(form);
            if (matches.isEmpty() && options.dryRun() && ops.seenInFile().getAsBoolean()) {
                return strategyOnDryRunDuplicate(ops.criteria());
            }
            ops.markSeen().run();
            if (matches.isEmpty()) {
                if (options.dryRun()) {
                    return Outcome.CREATED;
                }
                try {
                    ops.create().apply(form);
                    return Outcome.CREATED;
                } catch (DuplicateException hidden) {
                    return options.duplicates() == DuplicateStrategy.SKIP ? Outcome.SKIPPED : failDuplicate(row, hidden);
                }
            }
            if (options.duplicates() == DuplicateStrategy.SKIP) {
                return Outcome.SKIPPED;
            }
            if (options.duplicates() == DuplicateStrategy.CREATE_ANYWAY) {
                if (options.dryRun()) {
                    return createAnywayAllowed(ops.criteria()) ? Outcome.CREATED
                            : failDuplicate(row, new DuplicateException(matches));
                }
                ops.create().apply(form.onDuplicate(OnDuplicate.CREATE_ANYWAY));
                return Outcome.CREATED;
            }
            E stored = ops.stored().apply(matches.get(0).record().id());
            if (options.dryRun()) {
                return Outcome.UPDATED;
            }
            E after = ops.update().apply(stored);
            return ops.version().applyAsLong(after) == ops.version().applyAsLong(stored) ? Outcome.SKIPPED
                    : Outcome.UPDATED;
        }

        /**
         * The policy's matches of a contact or company row; when there are none and the row has no phone or e-mail,
         * a stored record of the same name without them either: no duplicate rule can tell them apart, and a second
         * run of the same file must change nothing more (IO-3).
         */
        private List<DuplicateMatch> withBareNamesake(List<DuplicateMatch> matches, Values values,
                                                      Supplier<Optional<DuplicateMatch>> namesake) {
            if (!matches.isEmpty() || !values.all(StandardField.PHONE).isEmpty()
                    || !values.all(StandardField.EMAIL).isEmpty()) {
                return matches;
            }
            return namesake.get().map(List::of).orElse(matches);
        }

        /**
         * The first record, in id order, of every page a name query gives that has no phone and no e-mail: many
         * namesakes with them may come before it.
         */
        private <T> Optional<DuplicateMatch> firstBare(Function<PageRequest, Slice<T>> query, Predicate<T> bare,
                                                       Function<T, DuplicateMatch> match) {
            PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
            while (true) {
                Slice<T> slice = query.apply(page);
                Optional<T> found = slice.items().stream().filter(bare).findFirst();
                if (found.isPresent() || !slice.hasNext()) {
                    return found.map(match);
                }
                page = page.next(slice);
            }
        }

        private Outcome strategyOnDryRunDuplicate(DuplicateCriteria criteria) {
            if (options.duplicates() == DuplicateStrategy.SKIP) {
                return Outcome.SKIPPED;
            }
            if (options.duplicates() == DuplicateStrategy.UPDATE) {
                return Outcome.UPDATED;
            }
            return createAnywayAllowed(criteria) ? Outcome.CREATED : Outcome.FAILED;
        }

        private boolean createAnywayAllowed(DuplicateCriteria criteria) {
            return criteria.createAnywayAllowed();
        }

        private Outcome failDuplicate(CsvRow row, DuplicateException e) {
            return fail(row, "", IoMessages.violation("", "io.row.duplicate", e.matches().size() + e.hiddenMatches()));
        }

        private Outcome lead(Values values) {
            LeadForm form = LeadForm.named(values.first(StandardField.NAME).orElse(null));
            Optional<String> first = values.first(StandardField.FIRST_NAME);
            Optional<String> last = values.first(StandardField.LAST_NAME);
            if (first.isPresent() || last.isPresent()) {
                form.person(first.orElse(null), last.orElse(null));
            }
            values.first(StandardField.MIDDLE_NAME).ifPresent(form::middleName);
            values.first(StandardField.COMPANY_NAME).ifPresent(form::companyName);
            reachable(form, values, List.of(), List.of(), Set.of());
            Optional<Lead> match = values.first(StandardField.NAME).flatMap(name -> session.leads()
                    .query(LeadFields.NAME.eq(name), Sort.byId(), PageRequest.first(100)).items().stream()
                    .filter(l -> sameContactData(l, values)).findFirst());
            boolean earlier = options.dryRun() && seen.seen(leadKeys(values));
            seen.add(leadKeys(values));
            if (match.isEmpty() && !earlier || options.duplicates() == DuplicateStrategy.CREATE_ANYWAY) {
                if (!options.dryRun()) {
                    session.leads().create(form);
                }
                return Outcome.CREATED;
            }
            if (options.duplicates() == DuplicateStrategy.SKIP) {
                return Outcome.SKIPPED;
            }
            if (options.dryRun()) {
                return Outcome.UPDATED;
            }
            Lead stored = match.orElseThrow();
            Lead after = session.leads().update(stored.id(), stored.version(), edit -> {
                values.first(StandardField.COMPANY_NAME).ifPresent(edit::companyName);
                reachable(edit, values, stored.phones(), stored.emails(), stored.tags());
            });
            return after.version() == stored.version() ? Outcome.SKIPPED : Outcome.UPDATED;
        }

        private Outcome deal(Values values) {
            DealForm form = DealForm.in(plan.pipeline().orElseThrow().id())
                    .name(values.first(StandardField.NAME).orElse(null));
            values.stage.ifPresent(s -> form.stage(s.id()));
            values.responsible.ifPresent(form::responsible);
            values.budget.ifPresent(form::budget);
            values.company.ifPresent(form::company);
            boolean closeDate = values.standard.containsKey(StandardField.EXPECTED_CLOSE);
            if (closeDate) {
                values.date.ifPresent(form::expectedClose);
            }
            values.all(StandardField.TAG).forEach(form::tag);
            options.extraTag().ifPresent(form::tag);
            importTag.ifPresent(form::tag);
            values.custom.forEach(form::customField);
            Optional<Deal> match = values.first(StandardField.NAME).flatMap(name -> session.deals()
                    .query(Filter.and(DealFields.NAME.eq(name), DealFields.PIPELINE.eq(plan.pipeline().orElseThrow()
                            .id())), Sort.byId(), PageRequest.first(1)).items().stream().findFirst());
            List<String> keys = values.first(StandardField.NAME).map(n -> List.of("deal:" + n)).orElse(List.of());
            boolean earlier = options.dryRun() && seen.seen(keys);
            seen.add(keys);
            if (match.isEmpty() && !earlier || options.duplicates() == DuplicateStrategy.CREATE_ANYWAY) {
                if (!options.dryRun()) {
                    session.deals().create(form);
                }
                return Outcome.CREATED;
            }
            if (options.duplicates() == DuplicateStrategy.SKIP) {
                return Outcome.SKIPPED;
            }
            if (options.dryRun()) {
                return Outcome.UPDATED;
            }
            Deal stored = match.orElseThrow();
            Deal after = session.deals().update(stored.id(), stored.version(), edit -> {
                if (closeDate) {
                    values.date.ifPresent(edit::expectedClose);
                }
                values.responsible.ifPresent(edit::responsible);
                values.budget.ifPresent(edit::budget);
                values.company.ifPresent(edit::company);
                values.all(StandardField.TAG).forEach(edit::tag);
                options.extraTag().ifPresent(edit::tag);
                if (stored.tags().stream().noneMatch(t -> t.startsWith("import_"))) {
                    importTag.ifPresent(edit::tag);
                }
                values.custom.forEach(edit::customField);
            });
            return after.version() == stored.version() ? Outcome.SKIPPED : Outcome.UPDATED;
        }
    }

    /** Whether a stored lead has the row's contact data: a phone or e-mail in common, or none on both sides. */
    private static boolean sameContactData(Lead lead, Values values) {
        List<String> phones = values.all(StandardField.PHONE);
        List<String> emails = values.all(StandardField.EMAIL);
        if (phones.isEmpty() && emails.isEmpty()) {
            return lead.phones().isEmpty() && lead.emails().isEmpty();
        }
        return phones.stream().anyMatch(p -> lead.phones().stream().anyMatch(s -> sameNumber(s.number(), p)))
                || emails.stream().anyMatch(e -> lead.emails().stream().anyMatch(s -> s.email().value()
                .equalsIgnoreCase(e)));
    }

    private static List<String> leadKeys(Values values) {
        String name = values.first(StandardField.NAME).orElse("");
        List<String> keys = new ArrayList<>();
        for (String key : DryRunMatches.contactKeys(values)) {
            keys.add("lead:" + name + "|" + key);
        }
        if (keys.isEmpty()) {
            keys.add("lead:" + name + "|-");
        }
        return keys;
    }

    /** The full name a contact row gives, as a contact created from it has it; empty when it gives none valid. */
    private static Optional<String> fullName(Values values) {
        Optional<String> first = values.first(StandardField.FIRST_NAME).or(() -> values.first(StandardField.NAME));
        try {
            return Optional.of(new PersonName(first, values.first(StandardField.MIDDLE_NAME),
                    values.first(StandardField.LAST_NAME)).full());
        } catch (IllegalArgumentException | ValidationException e) {
            return Optional.empty();
        }
    }

    private static boolean sameNumber(PhoneNumber stored, String raw) {
        try {
            return stored.sameNumberAs(PhoneNumber.parse(raw));
        } catch (ValidationException notANumber) {
            return false;
        }
    }

    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DOTTED)) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException notThisOne) {
                // the next format
            }
        }
        return Optional.empty();
    }

    /**
     * The rows of a dry run that would have been stored, by their phones and e-mails (contacts) or names
     * (companies): nothing is stored in a dry run, so a later row duplicating an earlier one is found here.
     */
    private static final class DryRunMatches {
        private final Set<String> contactKeys = new java.util.HashSet<>();
        private final Set<String> companyNames = new java.util.HashSet<>();
        private final Set<String> keys = new java.util.HashSet<>();

        void clear() {
            contactKeys.clear();
            companyNames.clear();
            keys.clear();
        }

        boolean seen(List<String> candidate) {
            return candidate.stream().anyMatch(keys::contains);
        }

        void add(List<String> candidate) {
            keys.addAll(candidate);
        }

        boolean contactSeen(Values values) {
            return contactRowKeys(values).stream().anyMatch(contactKeys::contains);
        }

        void contact(Values values) {
            contactKeys.addAll(contactRowKeys(values));
        }

        boolean companySeen(Values values) {
            return values.first(StandardField.NAME).map(n -> companyNames.contains(n.toLowerCase(Locale.ROOT)))
                    .orElse(false);
        }

        void company(Values values) {
            values.first(StandardField.NAME).ifPresent(n -> companyNames.add(n.toLowerCase(Locale.ROOT)));
        }

        private static List<String> contactKeys(Values values) {
            List<String> keys = new ArrayList<>();
            for (String phone : values.all(StandardField.PHONE)) {
                try {
                    keys.add("phone:" + PhoneNumber.parse(phone).matchKey());
                } catch (ValidationException notANumber) {
                    // not a key
                }
            }
            for (String email : values.all(StandardField.EMAIL)) {
                keys.add("email:" + email.toLowerCase(Locale.ROOT));
            }
            return keys;
        }

        /** A contact row's keys; one without phone and e-mail is known by its full name, as the import matches it. */
        private static List<String> contactRowKeys(Values values) {
            List<String> keys = contactKeys(values);
            if (values.all(StandardField.PHONE).isEmpty() && values.all(StandardField.EMAIL).isEmpty()) {
                fullName(values).ifPresent(name -> keys.add("bare:" + name));
            }
            return keys;
        }
    }
}
