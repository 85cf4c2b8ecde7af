package dev.crmkit.io;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.field.HasCustomFields;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Exports contacts, companies and deals to CSV or .xlsx (IO-5, USER-4): only for admins and users with the export
 * right, only the records the caller's filter selects and the user may see (the session's queries apply the access
 * rights), at most the policy's {@code exportRecordsPerFile} records a file, a larger export split into several.
 * CSV files are UTF-8 with a byte order mark (so spreadsheets read Cyrillic), comma-separated, CRLF, quoted where
 * needed; .xlsx files have one sheet whose texts are text cells and whose dates are date cells. In both, every
 * text is {@linkplain CsvCells#neutralize neutralized} against formula injection, the standard columns are followed
 * by a column per custom field of the record type (its header the field's name, or the name and
 * {@code " (custom field)"} when that is also a standard column's), and {@link #importMapping(CrmSession, EntityType)}
 * reads the files back into the same values. Several phones, e-mails, tags or options are one cell, separated by
 * semicolons. Shared and thread-safe.
 */
public final class Exporter {

    private static final List<String> CONTACT_COLUMNS = List.of("id", StandardField.FIRST_NAME.key(),
            StandardField.MIDDLE_NAME.key(), StandardField.LAST_NAME.key(), StandardField.PHONE.key(),
            StandardField.EMAIL.key(), StandardField.TAG.key(), StandardField.POSITION.key(),
            StandardField.BIRTH_DATE.key(), StandardField.DESCRIPTION.key());
    private static final List<String> COMPANY_COLUMNS = List.of("id", StandardField.NAME.key(),
            StandardField.PHONE.key(), StandardField.EMAIL.key(), StandardField.TAG.key(),
            StandardField.DESCRIPTION.key());
    private static final List<String> DEAL_COLUMNS = List.of("id", StandardField.NAME.key(), "pipeline",
            StandardField.STAGE.key(), StandardField.EXPECTED_CLOSE.key(), StandardField.TAG.key(),
            StandardField.RESPONSIBLE.key(), StandardField.BUDGET.key(), StandardField.CURRENCY.key(),
            StandardField.COMPANY.key(), "closed");
    private static final String CUSTOM_SUFFIX = " (custom field)";
    /** The rows fastexcel keeps before it writes them out. */
    private static final int XLSX_FLUSH = 100;

    private final Crm crm;

    private Exporter(Crm crm) {
        this.crm = crm;
    }

    /**
     * An exporter for a CRM, whose policy sets the size of a file.
     *
     * @param crm the CRM the sessions of the exports belong to
     * @return the exporter
     */
    public static Exporter of(Crm crm) {
        return new Exporter(Objects.requireNonNull(crm, "crm"));
    }

    /**
     * The mapping that imports the standard columns of a file of this exporter back: every exported column but
     * {@code id}, {@code pipeline} and {@code closed} into its standard field. The custom-field columns are left
     * out; {@link #importMapping(CrmSession, EntityType)} maps them too.
     *
     * @param entity {@code CONTACT}, {@code COMPANY} or {@code DEAL}
     * @return the mapping
     * @throws IllegalArgumentException for another entity type
     */
    public static ImportMapping importMapping(EntityType entity) {
        ImportMapping mapping = ImportMapping.of(entity);
        for (String column : columns(entity)) {
            for (StandardField field : StandardField.values()) {
                if (field.key().equals(column)) {
                    mapping = mapping.column(column, field);
                }
            }
        }
        return mapping;
    }

    /**
     * The mapping that imports a file of this exporter back, custom fields included: the standard columns as
     * {@link #importMapping(EntityType)} maps them, and the column of each custom field the entity type has now into
     * that field.
     *
     * @param session a session that reads the custom fields
     * @param entity {@code CONTACT}, {@code COMPANY} or {@code DEAL}
     * @return the mapping
     * @throws IllegalArgumentException for another entity type
     */
    public static ImportMapping importMapping(CrmSession session, EntityType entity) {
        Objects.requireNonNull(session, "session");
        ImportMapping mapping = importMapping(entity);
        for (CustomField field : session.customFields().list(entity)) {
            mapping = mapping.column(header(field, entity), field.id());
        }
        return mapping;
    }

    private static List<String> columns(EntityType entity) {
        if (entity == EntityType.CONTACT) {
            return CONTACT_COLUMNS;
        }
        if (entity == EntityType.COMPANY) {
            return COMPANY_COLUMNS;
        }
        if (entity == EntityType.DEAL) {
            return DEAL_COLUMNS;
        }
        throw new IllegalArgumentException("contacts, companies and deals are exported, not " + entity);
    }

    /** A custom field's column header: its name, told apart from a standard column of the same name. */
    private static String header(CustomField field, EntityType entity) {
        String name = field.name().strip();
        boolean taken = columns(entity).stream().anyMatch(c -> c.equalsIgnoreCase(name));
        return taken ? name + CUSTOM_SUFFIX : name;
    }

    /**
     * Exports the contacts a filter selects that the user may see, by id, to CSV.
     *
     * @param session the exporting user's session
     * @param filter which contacts ({@code Filter.all()} for every one the user sees)
     * @param target where the files go
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult contacts(CrmSession session, Filter<Contact> filter, ExportTarget target) {
        return contacts(session, filter, target, ExportFormat.CSV);
    }

    /**
     * Exports the contacts a filter selects that the user may see, by id.
     *
     * @param session the exporting user's session
     * @param filter which contacts ({@code Filter.all()} for every one the user sees)
     * @param target where the files go
     * @param format CSV or .xlsx
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult contacts(CrmSession session, Filter<Contact> filter, ExportTarget target,
                                 ExportFormat format) {
        check(session, filter, target, format);
        return write(session, EntityType.CONTACT, format, target,
                page -> session.contacts().query(filter, Sort.byId(), page),
                c -> List.of(c.id().toString(), c.name().first().orElse(""), c.name().middle().orElse(""),
                        c.name().last().orElse(""), phones(c.phones()), emails(c.emails()), tags(c.tags()),
                        c.position().orElse(""), c.birthDate().map(Object.class::cast).orElse(""),
                        c.description().orElse("")));
    }

    /**
     * Exports the companies a filter selects that the user may see, by id, to CSV.
     *
     * @param session the exporting user's session
     * @param filter which companies
     * @param target where the files go
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult companies(CrmSession session, Filter<Company> filter, ExportTarget target) {
        return companies(session, filter, target, ExportFormat.CSV);
    }

    /**
     * Exports the companies a filter selects that the user may see, by id.
     *
     * @param session the exporting user's session
     * @param filter which companies
     * @param target where the files go
     * @param format CSV or .xlsx
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult companies(CrmSession session, Filter<Company> filter, ExportTarget target,
                                  ExportFormat format) {
        check(session, filter, target, format);
        return write(session, EntityType.COMPANY, format, target,
                page -> session.companies().query(filter, Sort.byId(), page),
                c -> List.of(c.id().toString(), c.name(), phones(c.phones()), emails(c.emails()),
                        tags(c.tags()), c.description().orElse("")));
    }

    /**
     * Exports the deals a filter selects that the user may see, by id, to CSV; closed deals only when the filter
     * selects them.
     *
     * @param session the exporting user's session
     * @param filter which deals
     * @param target where the files go
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult deals(CrmSession session, Filter<Deal> filter, ExportTarget target) {
        return deals(session, filter, target, ExportFormat.CSV);
    }

    /**
     * Exports the deals a filter selects that the user may see, by id; closed deals only when the filter
     * selects them.
     *
     * @param session the exporting user's session
     * @param filter which deals
     * @param target where the files go
     * @param format CSV or .xlsx
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult deals(CrmSession session, Filter<Deal> filter, ExportTarget target, ExportFormat format) {
        check(session, filter, target, format);
        Map<PipelineId, Pipeline> pipelines = session.pipelines().list().stream()
                .collect(Collectors.toMap(Pipeline::id, p -> p));
        // The responsible user as the import finds one back: by e-mail, or by name for a user without one.
        Map<UserId, String> users = session.users().list().stream().collect(Collectors.toMap(User::id,
                u -> u.email().map(Email::value).orElse(u.name())));
        Map<CompanyId, String> companies = new HashMap<>();
        return write(session, EntityType.DEAL, format, target,
                page -> session.deals().query(filter, Sort.byId(), page), d -> {
                    Optional<Pipeline> pipeline = Optional.ofNullable(pipelines.get(d.pipeline()));
                    Optional<Stage> stage = pipeline.flatMap(p -> p.stage(d.stage()));
                    Optional<Money> budget = d.budget().map(Budget::amount);
                    return List.of(d.id().toString(), d.name(), pipeline.map(Pipeline::name).orElse(""),
                            stage.map(Stage::name).orElse(""), d.expectedClose().map(Object.class::cast).orElse(""),
                            tags(d.tags()), users.getOrDefault(d.responsible(), ""),
                            budget.map(m -> m.amount().toPlainString()).orElse(""),
                            budget.map(m -> m.currency().getCurrencyCode()).orElse(""),
                            d.company().map(c -> companies.computeIfAbsent(c, id -> companyName(session, id)))
                                    .orElse(""),
                            d.closed().map(Object::toString).orElse(""));
                });
    }

    /** A company's name, or nothing when the user may not see it. */
    private static String companyName(CrmSession session, CompanyId id) {
        try {
            return session.companies().get(id).name();
        } catch (NotFoundException | AccessDeniedException hidden) {
            return "";
        }
    }

    private static void check(CrmSession session, Filter<?> filter, ExportTarget target, ExportFormat format) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        if (!session.may(UserRight.EXPORT)) {
            throw new AccessDeniedException("exporting needs an admin or the export right (USER-4)");
        }
    }

    private static String phones(List<ContactPhone> phones) {
        return phones.stream().map(p -> p.number().raw()).collect(Collectors.joining("; "));
    }

    private static String emails(List<ContactEmail> emails) {
        return emails.stream().map(e -> e.email().value()).collect(Collectors.joining("; "));
    }

    private static String tags(Set<String> tags) {
        return String.join("; ", tags);
    }

    /**
     * A custom value as a cell the import parses back by the field's type: a date or a number typed (a date or
     * number cell in .xlsx), anything else as text.
     */
    private static Object cell(FieldValue value) {
        if (value instanceof FieldValue.Text) {
            return ((FieldValue.Text) value).value();
        }
        if (value instanceof FieldValue.Number) {
            return ((FieldValue.Number) value).value();
        }
        if (value instanceof FieldValue.Amount) {
            return ((FieldValue.Amount) value).value().amount().toPlainString() + " "
                    + ((FieldValue.Amount) value).value().currency().getCurrencyCode();
        }
        if (value instanceof FieldValue.Date) {
            return ((FieldValue.Date) value).value();
        }
        if (value instanceof FieldValue.DateTime) {
            return ((FieldValue.DateTime) value).value().toString();
        }
        if (value instanceof FieldValue.Flag) {
            return Boolean.toString(((FieldValue.Flag) value).value());
        }
        if (value instanceof FieldValue.Choice) {
            return ((FieldValue.Choice) value).option();
        }
        if (value instanceof FieldValue.Choices) {
            return String.join("; ", ((FieldValue.Choices) value).options());
        }
        if (value instanceof FieldValue.Url) {
            return ((FieldValue.Url) value).value().toString();
        }
        if (value instanceof FieldValue.Phone) {
            return ((FieldValue.Phone) value).value().raw();
        }
        return ((FieldValue.Mail) value).value().value();
    }

    private <E extends HasCustomFields> ExportResult write(CrmSession session, EntityType entity, ExportFormat format,
                                                           ExportTarget target, Function<PageRequest, Slice<E>> query,
                                                           Function<E, List<Object>> standard) {
        List<CustomField> fields = session.customFields().list(entity);
        List<Object> header = new ArrayList<>(columns(entity));
        fields.forEach(f -> header.add(header(f, entity)));
        int perFile = crm.policy().exportRecordsPerFile();
        long records = 0;
        int files = 0;
        Sheet out = null;
        int inFile = 0;
        try {
            PageRequest page = PageRequest.first(Math.min(perFile, Limits.PAGE_SIZE));
            while (true) {
                Slice<E> slice = query.apply(page);
                for (E record : slice.items()) {
                    if (out == null || inFile == perFile) {
                        if (out != null) {
                            out.close();
                        }
                        out = open(format, entity, target, ++files, header);
                        inFile = 0;
                    }
                    List<Object> cells = new ArrayList<>(standard.apply(record));
                    for (CustomField field : fields) {
                        cells.add(record.customFields().get(field.id()).map(Exporter::cell).orElse(""));
                    }
                    out.row(cells);
                    inFile++;
                    records++;
                }
                if (!slice.hasNext()) {
                    break;
                }
                page = page.next(slice);
            }
            if (out == null) {
                out = open(format, entity, target, ++files, header);
            }
            out.close();
            return new ExportResult(records, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write export file " + files, e);
        }
    }

    private static Sheet open(ExportFormat format, EntityType entity, ExportTarget target, int index,
                              List<Object> header) throws IOException {
        OutputStream stream = target.open(index);
        Sheet sheet = format == ExportFormat.XLSX
                ? new XlsxSheet(stream, entity.name().toLowerCase(Locale.ROOT))
                : new CsvSheet(stream);
        sheet.row(header);
        return sheet;
    }

    /** One file of an export, written row by row. */
    private interface Sheet extends Closeable {
        /** Writes a row of texts ({@code String}), dates ({@code LocalDate}) and numbers ({@code BigDecimal}). */
        void row(List<Object> cells) throws IOException;
    }

    /** A CSV file. */
    private static final class CsvSheet implements Sheet {
        private final Writer out;

        CsvSheet(OutputStream stream) throws IOException {
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.write('\uFEFF');
        }

        @Override
        public void row(List<Object> cells) throws IOException {
            List<String> quoted = new ArrayList<>(cells.size());
            for (Object cell : cells) {
                String text = cell instanceof BigDecimal ? ((BigDecimal) cell).toPlainString() : cell.toString();
                quoted.add(quote(CsvCells.neutralize(text)));
            }
            out.write(String.join(",", quoted));
            out.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private static String quote(String cell) {
            if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
                    && cell.indexOf(';') < 0) {
                return cell;
            }
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
    }

    /** An .xlsx workbook of one sheet, written by fastexcel. */
    private static final class XlsxSheet implements Sheet {
        private final OutputStream stream;
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxSheet(OutputStream stream, String name) {
            this.stream = stream;
            this.workbook = new Workbook(stream, "crmkit", "1.0");
            this.sheet = workbook.newWorksheet(name);
        }

        @Override
        public void row(List<Object> cells) throws IOException {
            for (int column = 0; column < cells.size(); column++) {
                Object cell = cells.get(column);
                if (cell instanceof LocalDate) {
                    sheet.value(row, column, (LocalDate) cell);
                    sheet.style(row, column).format("yyyy-mm-dd").set();
                } else if (cell instanceof BigDecimal) {
                    sheet.value(row, column, (BigDecimal) cell);
                } else if (!cell.toString().isEmpty()) {
                    sheet.value(row, column, CsvCells.neutralize(cell.toString()));
                }
            }
            row++;
            if (row % XLSX_FLUSH == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            try (stream) {
                workbook.finish();
            }
        }
    }
}
