package dev.crmkit.core.contact;

import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The shared values of a contact or company form, parsed and checked: every problem goes to the
 * collector with its path, so the caller reports them all at once.
 */
record ClientValues(List<ContactPhone> phones, List<ContactEmail> emails, Currency currency,
                    UserId responsible, CustomFieldValues customFields) {

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

    static ClientValues parse(Unit unit, ClientForm<?> form, Violations v) {
        List<ContactPhone> phones = new ArrayList<>();
        for (int i = 0; i < form.phones.size(); i++) {
            ClientForm.RawPhone p = form.phones.get(i);
            PhoneNumber number = v.parse("phones[" + i + "]", () -> PhoneNumber.parse(p.raw()));
            if (number != null) {
                phones.add(new ContactPhone(number, p.kind()));
            }
        }
        List<ContactEmail> emails = new ArrayList<>();
        for (int i = 0; i < form.emails.size(); i++) {
            ClientForm.RawEmail e = form.emails.get(i);
            Email email = v.parse("emails[" + i + "]", () -> Email.parse(e.raw()));
            if (email != null) {
                emails.add(new ContactEmail(email, e.kind()));
            }
        }
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
        // Too many values are the form's own violation (collection.too_many), reported with every other one.
        CustomFieldValues customFields = form.customFields.size() > Limits.CUSTOM_FIELDS ? CustomFieldValues.empty()
                : new CustomFieldValues(form.customFields);
        return new ClientValues(phones, emails, currency, responsible, customFields);
    }
}
