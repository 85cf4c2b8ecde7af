package dev.crmkit.io;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exports contacts, companies and deals to CSV (IO-5, USER-4): only for admins and users with the export right,
 * only the records the caller's filter selects and the user may see (the session's queries apply the access
 * rights), at most the policy's {@code exportRecordsPerFile} records a file, a larger export split into several.
 * Files are UTF-8 with a byte order mark (so spreadsheets read Cyrillic), comma-separated, CRLF, quoted where
 * needed; every cell is {@linkplain CsvCells#neutralize neutralized} against formula injection, and
 * {@link #importMapping(EntityType)} reads the files back into the same values. Several phones, e-mails or tags
 * are one cell, separated by semicolons. Shared and thread-safe.
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
            StandardField.STAGE.key(), StandardField.EXPECTED_CLOSE.key(), StandardField.TAG.key(), "closed");

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
     * The mapping that imports a file of this exporter back: every exported column but {@code id},
     * {@code pipeline} and {@code closed} into its standard field.
     *
     * @param entity {@code CONTACT}, {@code COMPANY} or {@code DEAL}
     * @return the mapping
     * @throws IllegalArgumentException for another entity type
     */
    public static ImportMapping importMapping(EntityType entity) {
        List<String> columns;
        if (entity == EntityType.CONTACT) {
            columns = CONTACT_COLUMNS;
        } else if (entity == EntityType.COMPANY) {
            columns = COMPANY_COLUMNS;
        } else if (entity == EntityType.DEAL) {
            columns = DEAL_COLUMNS;
        } else {
            throw new IllegalArgumentException("contacts, companies and deals are exported, not " + entity);
        }
        ImportMapping mapping = ImportMapping.of(entity);
        for (String column : columns) {
            for (StandardField field : StandardField.values()) {
                if (field.key().equals(column)) {
                    mapping = mapping.column(column, field);
                }
            }
        }
        return mapping;
    }

    /**
     * Exports the contacts a filter selects that the user may see, by id.
     *
     * @param session the exporting user's session
     * @param filter which contacts ({@code Filter.all()} for every one the user sees)
     * @param target where the files go
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult contacts(CrmSession session, Filter<Contact> filter, ExportTarget target) {
        check(session, filter, target);
        return write(target, CONTACT_COLUMNS, page -> session.contacts().query(filter, Sort.byId(), page),
                c -> List.of(c.id().toString(), c.name().first().orElse(""), c.name().middle().orElse(""),
                        c.name().last().orElse(""), phones(c.phones()), emails(c.emails()), tags(c.tags()),
                        c.position().orElse(""), c.birthDate().map(LocalDate::toString).orElse(""),
                        c.description().orElse("")));
    }

    /**
     * Exports the companies a filter selects that the user may see, by id.
     *
     * @param session the exporting user's session
     * @param filter which companies
     * @param target where the files go
     * @return how many records and files were written
     * @throws AccessDeniedException when the user is neither an admin nor has the export right
     * @throws UncheckedIOException when a file cannot be written
     */
    public ExportResult companies(CrmSession session, Filter<Company> filter, ExportTarget target) {
        check(session, filter, target);
        return write(target, COMPANY_COLUMNS, page -> session.companies().query(filter, Sort.byId(), page),
                c -> List.of(c.id().toString(), c.name(), phones(c.phones()), emails(c.emails()),
                        tags(c.tags()), c.description().orElse("")));
    }

    /**
     * Exports the deals a filter selects that the user may see, by id; closed deals only when the filter
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
        check(session, filter, target);
        Map<PipelineId, Pipeline> pipelines = session.pipelines().list().stream()
                .collect(Collectors.toMap(Pipeline::id, p -> p));
        return write(target, DEAL_COLUMNS, page -> session.deals().query(filter, Sort.byId(), page), d -> {
            Optional<Pipeline> pipeline = Optional.ofNullable(pipelines.get(d.pipeline()));
            Optional<Stage> stage = pipeline.flatMap(p -> p.stage(d.stage()));
            return List.of(d.id().toString(), d.name(), pipeline.map(Pipeline::name).orElse(""),
                    stage.map(Stage::name).orElse(""),
                    d.expectedClose().map(LocalDate::toString).orElse(""), tags(d.tags()),
                    d.closed().map(Object::toString).orElse(""));
        });
    }

    private static void check(CrmSession session, Filter<?> filter, ExportTarget target) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(target, "target");
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

    private <E> ExportResult write(ExportTarget target, List<String> header, Function<PageRequest, Slice<E>> query,
                                   Function<E, List<String>> cells) {
        int perFile = crm.policy().exportRecordsPerFile();
        long records = 0;
        int files = 0;
        Writer out = null;
        int inFile = 0;
        try {
            PageRequest page = PageRequest.first(Math.min(perFile, dev.crmkit.api.Limits.PAGE_SIZE));
            while (true) {
                Slice<E> slice = query.apply(page);
                for (E record : slice.items()) {
                    if (out == null || inFile == perFile) {
                        if (out != null) {
                            out.close();
                        }
                        out = open(target, ++files, header);
                        inFile = 0;
                    }
                    line(out, cells.apply(record));
                    inFile++;
                    records++;
                }
                if (!slice.hasNext()) {
                    break;
                }
                page = page.next(slice);
            }
            if (out == null) {
                out = open(target, ++files, header);
            }
            out.close();
            return new ExportResult(records, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write export file " + files, e);
        }
    }

    private static Writer open(ExportTarget target, int index, List<String> header) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(target.open(index), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        line(out, header);
        return out;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String cell : cells) {
            quoted.add(quote(CsvCells.neutralize(cell)));
        }
        out.write(String.join(",", quoted));
        out.write("\r\n");
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
                && cell.indexOf(';') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
