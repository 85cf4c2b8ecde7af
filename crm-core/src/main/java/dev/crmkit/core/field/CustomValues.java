package dev.crmkit.core.field;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldOption;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the custom-field values a form gives against their fields (DEAL-3), for every entity type on its one
 * validation path (create and edit alike): the field exists, belongs to the entity type (and, for deals, to the
 * deal's pipeline), and each value is of the field's type: one line for a text field, among the options for a
 * list field, not in the future for a birthday. Text input is parsed by the field's type (numbers with a point
 * or a comma, money as {@code "1500.50 RUB"}, dates as {@code 2026-12-03} or {@code 03.12.2026}, checkboxes as
 * yes/no/true/false/да/нет/1/0, list options by key or label, several separated by commas or semicolons);
 * blank text means no value. A value the record holds already is kept as it is, so a field limited to other
 * pipelines or an option renamed since never blocks an unrelated edit. Violations name the field (path
 * {@code customFields.<id>}, the field's name in the message). Used by crm-core's services; pure.
 */
public final class CustomValues {

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Map<String, Boolean> FLAGS = Map.ofEntries(Map.entry("true", true), Map.entry("false", false),
            Map.entry("yes", true), Map.entry("no", false), Map.entry("1", true), Map.entry("0", false),
            Map.entry("да", true), Map.entry("нет", false), Map.entry("on", true), Map.entry("off", false));

    private CustomValues() {
    }

    /**
     * The values a record will hold, with every problem added to {@code v}.
     *
     * @param unit the operation
     * @param entity the record's entity type
     * @param pipeline the deal's pipeline, or null for other entity types
     * @param current the values the record holds now (empty for a new one)
     * @param input the values the form gives
     * @param v the problems found so far
     * @return the values (empty when there were problems)
     */
    @SuppressWarnings("exports")
    public static CustomFieldValues resolve(Unit unit, EntityType entity, PipelineId pipeline,
                                            CustomFieldValues current, CustomFieldInput input, Violations v) {
        Map<CustomFieldId, Object> in = input.entries();
        int before = v.list().size();
        v.count("customFields", in.size(), Limits.CUSTOM_FIELDS);
        if (v.list().size() > before) {
            return CustomFieldValues.empty();
        }
        List<CustomFieldId> checked = in.entrySet().stream()
                .filter(e -> !e.getValue().equals(current.values().get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toList());
        Map<CustomFieldId, CustomField> defs = checked.isEmpty() ? Map.of()
                : unit.tx().customFields().findAll(checked).stream()
                        .collect(Collectors.toMap(CustomField::id, Function.identity()));
        Map<CustomFieldId, FieldValue> result = new LinkedHashMap<>();
        for (Map.Entry<CustomFieldId, Object> e : in.entrySet()) {
            CustomFieldId id = e.getKey();
            if (!checked.contains(id)) {
                result.put(id, (FieldValue) e.getValue());
                continue;
            }
            String path = "customFields." + id;
            CustomField def = defs.get(id);
            if (def == null) {
                v.add(path, "field.unknown", id);
                continue;
            }
            if (def.entity() != entity) {
                v.add(path, "field.entity", def.name(), def.entity().name().toLowerCase(Locale.ROOT));
                continue;
            }
            if (pipeline != null && !def.appliesTo(pipeline)) {
                v.add(path, "field.pipeline", def.name(), unit.tx().pipelines().get(pipeline).name());
                continue;
            }
            FieldValue value = e.getValue() instanceof String ? parse(def, (String) e.getValue(), path, v)
                    : check(unit, def, (FieldValue) e.getValue(), path, v);
            if (value != null) {
                result.put(id, value);
            }
        }
        return v.list().size() > before ? CustomFieldValues.empty() : new CustomFieldValues(result);
    }

    /** A typed value checked against its field; null when it does not fit. */
    private static FieldValue check(Unit unit, CustomField def, FieldValue value, String path, Violations v) {
        if (!def.type().fits(value)) {
            v.add(path, "field.value.type", def.name(), typeName(def.type()));
            return null;
        }
        int before = v.list().size();
        if (def.type() == FieldType.TEXT && ((FieldValue.Text) value).value().chars().anyMatch(c -> c == '\n'
                || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085')) {
            v.add(path, "field.text.multiline", def.name());
        }
        Set<String> options = value instanceof FieldValue.Choice ? Set.of(((FieldValue.Choice) value).option())
                : value instanceof FieldValue.Choices ? ((FieldValue.Choices) value).options() : Set.of();
        for (String option : options) {
            if (def.option(option).isEmpty()) {
                v.add(path, "field.option.unknown", def.name(), Text.excerpt(option));
            }
        }
        if (def.type() == FieldType.BIRTHDAY && ((FieldValue.Date) value).value()
                .isAfter(LocalDate.ofInstant(unit.now(), unit.actor().timeZone()))) {
            v.add(path, "field.birthday.future", def.name(), ((FieldValue.Date) value).value());
        }
        if (def.type() == FieldType.URL) {
            url(def, ((FieldValue.Url) value).value().toString(), path, v);
        }
        return v.list().size() > before ? null : value;
    }

    /** A value given as text, parsed by its field's type; null when blank or when it does not parse. */
    private static FieldValue parse(CustomField def, String raw, String path, Violations v) {
        String text = Text.normalize(raw).strip();
        if (Text.isBlank(text)) {
            return null;
        }
        int before = v.list().size();
        v.text(path, text, Limits.TEXT_FIELD, def.type() == FieldType.TEXTAREA);
        if (v.list().size() > before) {
            return null;
        }
        switch (def.type()) {
            case TEXT:
            case TEXTAREA:
                return v.parse(path, () -> new FieldValue.Text(text));
            case NUMBER:
                return number(def, text, path, v);
            case MONEY:
                return money(def, text, path, v);
            case DATE:
            case BIRTHDAY:
                return date(def, text, path, v);
            case DATE_TIME:
                return dateTime(def, text, path, v);
            case CHECKBOX:
                Boolean flag = FLAGS.get(text.toLowerCase(Locale.ROOT));
                if (flag == null) {
                    v.add(path, "field.flag.invalid", def.name(), Text.excerpt(text));
                    return null;
                }
                return new FieldValue.Flag(flag);
            case LIST:
                String key = option(def, text, path, v);
                return key == null ? null : new FieldValue.Choice(key);
            case MULTI_LIST:
                Set<String> keys = new LinkedHashSet<>();
                for (String part : text.split("[,;]")) {
                    if (!Text.isBlank(part)) {
                        keys.add(option(def, part.strip(), path, v));
                    }
                }
                return v.list().size() > before ? null : v.parse(path, () -> new FieldValue.Choices(keys));
            case URL:
                URI uri = url(def, text, path, v);
                return uri == null ? null : v.parse(path, () -> new FieldValue.Url(uri));
            case PHONE:
                return invalidAs(def, text, path, v, "field.phone.invalid", () -> new FieldValue.Phone(PhoneNumber.parse(text)));
            default:
                return invalidAs(def, text, path, v, "field.email.invalid", () -> new FieldValue.Mail(Email.parse(text)));
        }
    }

    private static FieldValue number(CustomField def, String text, String path, Violations v) {
        String plain = text.replaceAll("[\\s\u00A0\u202F_]", "");
        if (plain.indexOf(',') >= 0 && plain.indexOf('.') < 0) {
            plain = plain.replace(',', '.');
        }
        if (plain.length() > Limits.AMOUNT_INPUT || !plain.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            v.add(path, "field.number.invalid", def.name(), Text.excerpt(text));
            return null;
        }
        BigDecimal n = new BigDecimal(plain);
        return v.parse(path, () -> new FieldValue.Number(n));
    }

    private static FieldValue money(CustomField def, String text, String path, Violations v) {
        String[] parts = text.split("\\s+");
        if (parts.length != 2) {
            v.add(path, "field.money.invalid", def.name(), Text.excerpt(text));
            return null;
        }
        return v.parse(path, () -> new FieldValue.Amount(Money.of(parts[0].replace(',', '.'), parts[1])));
    }

    private static FieldValue date(CustomField def, String text, String path, Violations v) {
        LocalDate d;
        try {
            d = text.indexOf('.') > 0 ? LocalDate.parse(text, DOTTED) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            v.add(path, "field.date.invalid", def.name(), Text.excerpt(text));
            return null;
        }
        return v.parse(path, () -> new FieldValue.Date(d));
    }

    private static FieldValue dateTime(CustomField def, String text, String path, Violations v) {
        Instant t;
        try {
            t = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            v.add(path, "field.datetime.invalid", def.name(), Text.excerpt(text));
            return null;
        }
        return v.parse(path, () -> new FieldValue.DateTime(t));
    }

    /** An option given by key, or by label ignoring case; null (with a violation) when there is none. */
    private static String option(CustomField def, String text, String path, Violations v) {
        Optional<FieldOption> o = def.option(text).or(() -> def.options().stream()
                .filter(x -> x.label().equalsIgnoreCase(text)).findFirst());
        if (o.isEmpty()) {
            v.add(path, "field.option.unknown", def.name(), Text.excerpt(text));
            return null;
        }
        return o.get().key();
    }

    /** An absolute http or https address with a host; null (with a violation) otherwise. */
    private static URI url(CustomField def, String text, String path, Violations v) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        v.add(path, "field.url.invalid", def.name(), Text.excerpt(text));
        return null;
    }

    private static FieldValue invalidAs(CustomField def, String text, String path, Violations v, String code,
                                        java.util.function.Supplier<FieldValue> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            v.add(path, code, def.name(), Text.excerpt(text));
            return null;
        }
    }

    private static String typeName(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
