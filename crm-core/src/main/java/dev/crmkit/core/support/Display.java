package dev.crmkit.core.support;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.RateTableId;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldOption;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Transaction;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How records and values read in the event log, for people: a record by its name, an id by the name of
 * what it names (a responsible user by their name, a stage by its name), a phone by its number as typed.
 * One per operation; it reads names through the operation's transaction and remembers them.
 */
final class Display {

    private final Transaction tx;
    private final Map<EntityId, String> names = new HashMap<>();
    private List<Pipeline> pipelines;

    Display(Transaction tx) {
        this.tx = tx;
    }

    /** The name a record goes by in the log. */
    String name(Entity<?> record) {
        if (record instanceof User u) {
            return u.name();
        } else if (record instanceof Contact c) {
            return c.name().full();
        } else if (record instanceof Company c) {
            return c.name();
        } else if (record instanceof Lead l) {
            return l.name();
        } else if (record instanceof Deal d) {
            return d.name();
        } else if (record instanceof Pipeline p) {
            return p.name();
        } else if (record instanceof CustomField f) {
            return f.name();
        } else if (record instanceof ListItem<?> i) {
            return i.name();
        } else if (record instanceof Task t) {
            return t.text();
        } else if (record instanceof TimelineEntry e) {
            return kind(e) + " on " + name(e.owner());
        } else if (record instanceof SalesGoal g) {
            return "goal of " + name(RecordRef.of(g.manager())) + ", " + g.first() + ".." + g.last();
        } else if (record instanceof ImportTemplate t) {
            return t.name();
        } else if (record instanceof RateTable t) {
            return "exchange rates into " + t.currency().getCurrencyCode();
        }
        throw new IllegalArgumentException("no display name for " + record.getClass().getSimpleName());
    }

    /** The name of the record a reference names; its id when it is gone. */
    String name(RecordRef ref) {
        return switch (ref.type()) {
            case USER -> idName(new UserId(ref.id()));
            case CONTACT -> idName(new ContactId(ref.id()));
            case COMPANY -> idName(new CompanyId(ref.id()));
            case LEAD -> idName(new LeadId(ref.id()));
            case DEAL -> idName(new DealId(ref.id()));
            case PIPELINE -> idName(new PipelineId(ref.id()));
            case STAGE -> idName(new StageId(ref.id()));
            case TASK -> idName(new TaskId(ref.id()));
            case TIMELINE_ENTRY -> idName(new TimelineEntryId(ref.id()));
            case CUSTOM_FIELD -> idName(new CustomFieldId(ref.id()));
            case SALES_GOAL -> idName(new SalesGoalId(ref.id()));
            case RATE_TABLE -> idName(new RateTableId(ref.id()));
            case SETTING -> ListKind.all().stream().map(k -> item(k, ref.id())).flatMap(Optional::stream).findFirst()
                    .orElse(ref.id().toString());
            default -> ref.id().toString();
        };
    }

    /** A component's value as text in the log, or empty for no value. */
    Optional<String> render(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Optional<?> o) {
            return o.flatMap(this::render);
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? Optional.empty() : Optional.of(c.stream().map(this::render).flatMap(Optional::stream)
                    .collect(Collectors.joining(", ")));
        }
        return Optional.of(text(value));
    }

    private String text(Object value) {
        if (value instanceof EntityId id) {
            return idName(id);
        } else if (value instanceof RecordRef ref) {
            return name(ref);
        } else if (value instanceof PersonName n) {
            return n.full();
        } else if (value instanceof ContactPhone p) {
            return p.number().raw();
        } else if (value instanceof ContactEmail e) {
            return e.email().value();
        } else if (value instanceof Budget b) {
            return b.type() == BudgetType.FIXED ? b.amount().toString()
                    : b.amount() + " " + b.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        } else if (value instanceof ProductLine l) {
            return l.product() + " × " + l.quantity().toPlainString() + " at " + l.price();
        } else if (value instanceof Stage s) {
            return s.name() + " (" + s.probability() + ")";
        } else if (value instanceof Address a) {
            return Stream.of(a.street(), a.city(), a.region(), a.postalCode(), a.country())
                    .filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
        } else if (value instanceof Currency c) {
            return c.getCurrencyCode();
        } else if (value instanceof CustomFieldValues v) {
            return v.values().entrySet().stream().map(e -> idName(e.getKey()) + ": " + fieldValue(e.getValue()))
                    .collect(Collectors.joining("; "));
        } else if (value instanceof FieldOption o) {
            return o.label() + " (" + o.key() + ")";
        } else if (value instanceof StageRequirement r) {
            return r.part().map(Enum::name).orElseGet(() -> idName(r.customField().orElseThrow())) + " from "
                    + idName(r.from());
        } else if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    private static String fieldValue(FieldValue v) {
        if (v instanceof FieldValue.Text t) {
            return t.value();
        } else if (v instanceof FieldValue.Number n) {
            return n.value().toPlainString();
        } else if (v instanceof FieldValue.Amount a) {
            return a.value().toString();
        } else if (v instanceof FieldValue.Date d) {
            return d.value().toString();
        } else if (v instanceof FieldValue.DateTime t) {
            return t.value().toString();
        } else if (v instanceof FieldValue.Flag f) {
            return f.value() ? "yes" : "no";
        } else if (v instanceof FieldValue.Choice c) {
            return c.option();
        } else if (v instanceof FieldValue.Choices c) {
            return String.join(", ", c.options());
        } else if (v instanceof FieldValue.Url u) {
            return u.value().toString();
        } else if (v instanceof FieldValue.Phone p) {
            return p.value().raw();
        }
        return ((FieldValue.Mail) v).value().value();
    }

    private String idName(EntityId id) {
        return names.computeIfAbsent(id, this::lookup);
    }

    private String lookup(EntityId id) {
        Optional<String> name;
        if (id instanceof UserId u) {
            name = tx.users().find(u).map(User::name);
        } else if (id instanceof ContactId c) {
            name = tx.contacts().find(c).map(x -> x.name().full());
        } else if (id instanceof CompanyId c) {
            name = tx.companies().find(c).map(Company::name);
        } else if (id instanceof LeadId l) {
            name = tx.leads().find(l).map(Lead::name);
        } else if (id instanceof DealId d) {
            name = tx.deals().find(d).map(Deal::name);
        } else if (id instanceof PipelineId p) {
            name = tx.pipelines().find(p).map(Pipeline::name);
        } else if (id instanceof StageId s) {
            name = pipelines().stream().map(p -> p.stage(s)).flatMap(Optional::stream).map(Stage::name).findFirst();
        } else if (id instanceof TaskId t) {
            name = tx.tasks().find(t).map(Task::text);
        } else if (id instanceof TimelineEntryId e) {
            name = tx.timeline().find(e).map(this::name);
        } else if (id instanceof ListItemId i) {
            name = item(i);
        } else if (id instanceof CustomFieldId f) {
            name = tx.customFields().find(f).map(CustomField::name);
        } else {
            name = Optional.empty();
        }
        return name.orElse(id.value().toString());
    }

    private <I extends ListItemId> Optional<String> item(I id) {
        return tx.settings().list(ListKind.of(id)).find(id).map(ListItem::name);
    }

    private <I extends ListItemId> Optional<String> item(ListKind<I> kind, java.util.UUID id) {
        return item(kind.id(id));
    }

    private List<Pipeline> pipelines() {
        if (pipelines == null) {
            pipelines = tx.pipelines().all();
        }
        return pipelines;
    }

    private static String kind(TimelineEntry e) {
        if (e instanceof Comment) {
            return "comment";
        } else if (e instanceof Call) {
            return "call";
        } else if (e instanceof Message m) {
            return m.channel().name().toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException(e.getClass().getName());
    }
}
