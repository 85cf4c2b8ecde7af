package dev.crmkit.core.contact;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.field.CustomValues;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The shared values of a contact or company form, parsed and checked: every problem goes to the
 * collector with its path, so the caller reports them all at once.
 */
record ClientValues(List<ContactPhone> phones, List<ContactEmail> emails, Currency currency,
                    UserId responsible, Set<UserId> managers, CustomFieldValues customFields) {

    /**
     * CON-3: a client's record may not carry an e-mail of the organization's own users or domains.
     */
    static void checkOwnEmails(Unit unit, List<ContactEmail> emails, Violations v) {
        for (int i = 0; i < emails.size(); i++) {
            Email e = emails.get(i).email();
            if (unit.policy().ownDomains().contains(e.domain())) {
                v.add("emails[" + i + "]", "client.email.own_domain", e, e.domain());
            } else if (unit.tx().users().byEmail(e).isPresent()) {
                v.add("emails[" + i + "]", "client.email.own_user", e);
            }
        }
    }

    /** A free text as stored: stripped, and none when blank. */
    static String text(String value) {
        return Text.isBlank(value) ? null : Text.normalize(value);
    }

    /** Tags are never empty. */
    static void checkTags(java.util.Collection<String> tags, Violations v) {
        if (tags.stream().anyMatch(Text::isBlank)) {
            v.add("tags", "tag.blank");
        }
    }

    /** A link or photo reference is one a storage keeps: a bounded code without hidden characters. */
    static void checkLink(Violations v, String path, java.net.URI link) {
        v.addAll(Text.checkCode(path, link.toString(), Limits.URL));
    }

    /** Phones as typed, parsed; each one that is not a number is reported at its index. */
    static List<ContactPhone> phones(List<ContactDataForm.RawPhone> raw, Violations v) {
        return parsed(raw, "phones", v, p -> new ContactPhone(PhoneNumber.parse(p.raw()), p.kind()));
    }

    /** E-mails as typed, parsed; each one that is not an address is reported at its index. */
    static List<ContactEmail> emails(List<ContactDataForm.RawEmail> raw, Violations v) {
        return parsed(raw, "emails", v, e -> new ContactEmail(Email.parse(e.raw()), e.kind()));
    }

    private static <R, T> List<T> parsed(List<R> raw, String name, Violations v, java.util.function.Function<R, T> parse) {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            R r = raw.get(i);
            T value = v.parse(name + "[" + i + "]", () -> parse.apply(r));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    static ClientValues parse(Unit unit, ClientForm<?> form, EntityType entity, CustomFieldValues current,
                              Violations v) {
        List<ContactPhone> phones = phones(form.phones, v);
        List<ContactEmail> emails = emails(form.emails, v);
        checkOwnEmails(unit, emails, v);
        checkTags(form.tags, v);
        for (int i = 0; i < form.links.size(); i++) {
            checkLink(v, "links[" + i + "]", form.links.get(i));
        }
        if (form.photo != null) {
            checkLink(v, "photo", form.photo);
        }
        Currency currency = Text.isBlank(form.currency) ? null
                : v.parse("currency", () -> Money.currency(form.currency));
        UserId responsible = unit.activeUser(v, "responsible", "client.responsible", form.responsible);
        if (form.type != null && unit.tx().settings().list(ListKind.CONTACT_TYPES).find(form.type).isEmpty()) {
            v.add("type", "client.type.unknown", form.type);
        }
        if (form.temperature != null && unit.tx().settings().list(ListKind.TEMPERATURE_LEVELS).find(form.temperature).isEmpty()) {
            v.add("temperature", "client.temperature.unknown", form.temperature);
        }
        CustomFieldValues customFields = CustomValues.resolve(unit, entity, null, current, form.customFields, v);
        Set<UserId> managers = unit.activeUsers(v, "managers", "client.manager", form.managers, Limits.MANAGERS);
        return new ClientValues(phones, emails, currency, responsible, managers, customFields);
    }
}
