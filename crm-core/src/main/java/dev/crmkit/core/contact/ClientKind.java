package dev.crmkit.core.contact;

import java.util.UUID;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.support.Pages;
import dev.crmkit.spi.Clients;
import dev.crmkit.spi.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What contacts and companies differ in, for the flows they share (duplicate checks, creating and editing
 * through a form): where they are stored, which duplicate criteria apply, their match keys and names.
 *
 * @param name the kind's name in lock keys, {@code contact} or {@code company}
 * @param store the kind's port
 * @param criteria the policy's duplicate criteria for the kind
 * @param keys the record's match keys for some fields
 * @param display the record's name, for matches
 * @param byBirthDate the records born on a day (contacts only; companies have no birth date)
 * @param byNameAndBirthDate the records with a name key born on a day (contacts only)
 * @param id the id of the kind with a value
 * @param merge the record a survivor becomes when others are merged into it (CON-6)
 * @param <I> the id type
 * @param <E> the record type
 */
record ClientKind<I extends EntityId, E extends Entity<I> & Client>(String name,
        Function<Transaction, Clients<I, E>> store, Function<Policy, DuplicateCriteria> criteria,
        Keys<E> keys, Function<E, String> display, BiFunction<Transaction, LocalDate, List<E>> byBirthDate,
        ByNameAndBirthDate<E> byNameAndBirthDate, Function<UUID, I> id, Merge<E> merge) {

    /** The records with a name key born on a day. */
    @FunctionalInterface
    interface ByNameAndBirthDate<E> {
        List<E> find(Transaction tx, String nameKey, LocalDate day);
    }

    /** The record a survivor becomes when others are merged into it. */
    @FunctionalInterface
    interface Merge<E> {
        E of(E survivor, List<E> others, PhoneMatcher matcher);
    }

    /** The match keys of a record for some fields. */
    @FunctionalInterface
    interface Keys<E> {
        MatchKeys of(E record, PhoneMatcher matcher, Set<MatchField> fields);
    }

    static final ClientKind<ContactId, Contact> CONTACTS = new ClientKind<>("contact", Transaction::contacts,
            Policy::contactDuplicates, MatchKeys::of, c -> c.name().full(),
            (tx, day) -> Pages.all(tx.contacts(), ContactFields.BIRTH_DATE.eq(day)),
            (tx, key, day) -> tx.contacts().byNameKeyAndBirthDate(key, day), ContactId::new, MergeRule::merge);

    static final ClientKind<CompanyId, Company> COMPANIES = new ClientKind<>("company", Transaction::companies,
            Policy::companyDuplicates, MatchKeys::of, Company::name, (tx, day) -> List.of(), (tx, key, day) -> List.of(),
            CompanyId::new, MergeRule::merge);
}
