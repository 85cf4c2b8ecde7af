package dev.crmkit.core.contact;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.Clients;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creating and editing contacts and companies, the same way for both: the form (new, or the stored
 * record's form with the edit applied) becomes a candidate through one validation path, the candidate is
 * checked for duplicates under locks unless the policy turns detection off (and, on an edit, only when its
 * match keys changed), and then it is stored with its events.
 *
 * @param <I> the id type
 * @param <E> the record type
 * @param <F> the form type
 */
final class ClientWrites<I extends EntityId, E extends Entity<I> & Client, F extends ClientForm<F>> {

    /** Builds the candidate a form describes, new or the next state of the stored record; every problem at once. */
    @FunctionalInterface
    interface Build<E, F> {
        E candidate(Unit unit, F form, E current);
    }

    private final ClientKind<I, E> kind;
    private final Build<E, F> build;
    private final Function<E, F> formOf;

    ClientWrites(ClientKind<I, E> kind, Build<E, F> build, Function<E, F> formOf) {
        this.kind = kind;
        this.build = build;
        this.formOf = formOf;
    }

    E create(Context context, F form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            E candidate = candidate(unit, form);
            if (unit.policy().duplicateDetection()) {
                List<DuplicateMatch> matches = Duplicates.lockAndFind(unit.system(), unit.policy(), kind, candidate);
                if (!matches.isEmpty() && form.onDuplicate == OnDuplicate.MERGE) {
                    return mergeInto(unit, best(unit, matches).orElseThrow(), candidate);
                }
                reject(unit, form, matches);
            }
            return insert(unit, candidate);
        });
    }

    /**
     * Creates records in one transaction and one batch write: each form becomes a candidate through the one
     * validation path {@link #create} takes (a refused form is reported, the others go on), each candidate is
     * checked for duplicates under locks as {@link #create} checks it, against the stored records and against the
     * batch's earlier candidates, and the batch stops before the first candidate the duplicate policy refuses (or
     * that asks to merge into a match). The candidates before it are stored with {@link Unit#insertAll}, with the
     * events single creates write.
     */
    CreateResult<E> createAll(Context context, List<F> forms) {
        Objects.requireNonNull(forms, "forms");
        forms.forEach(f -> Objects.requireNonNull(f, "forms[]"));
        if (forms.isEmpty() || forms.size() > Limits.BATCH) {
            throw new IllegalArgumentException("a batch create takes 1 to " + Limits.BATCH + " forms, was " + forms.size());
        }
        return context.write(unit -> {
            java.util.Map<Integer, E> accepted = new java.util.LinkedHashMap<>();
            java.util.Map<Integer, dev.crmkit.api.CrmException> refused = new java.util.LinkedHashMap<>();
            java.util.List<MatchKeys> acceptedKeys = new java.util.ArrayList<>();
            java.util.OptionalInt stop = java.util.OptionalInt.empty();
            dev.crmkit.core.policy.DuplicateCriteria criteria = kind.criteria().apply(unit.policy());
            for (int i = 0; i < forms.size(); i++) {
                F form = forms.get(i);
                E candidate;
                try {
                    candidate = candidate(unit, form);
                } catch (dev.crmkit.api.ValidationException | dev.crmkit.api.AccessDeniedException e) {
                    refused.put(i, e);
                    continue;
                }
                MatchKeys keys = kind.keys().of(candidate, unit.policy().phoneMatcher(), criteria.fields());
                if (unit.policy().duplicateDetection()) {
                    List<DuplicateMatch> matches = Duplicates.lockAndFind(unit.system(), unit.policy(), kind, candidate);
                    boolean inBatch = acceptedKeys.stream()
                            .anyMatch(other -> DuplicateMatchRule.match(criteria, keys, other).isPresent());
                    if ((!matches.isEmpty() || inBatch) && !createsAnyway(unit, form)) {
                        stop = java.util.OptionalInt.of(i);
                        break;
                    }
                }
                accepted.put(i, candidate);
                acceptedKeys.add(keys);
            }
            if (!accepted.isEmpty()) {
                unit.insertAll(kind.store().apply(unit.tx()), new java.util.ArrayList<>(accepted.values()));
            }
            return new CreateResult<>(accepted, refused, stop);
        });
    }

    /**
     * CON-5's third choice: the new record's values go into the best stored match as a merge would put
     * them (CON-6), with the survivor's field events and one MERGED event; nothing new is stored.
     */
    private E mergeInto(Unit unit, E survivor, E candidate) {
        Clients<I, E> store = kind.store().apply(unit.tx());
        E result = kind.merge().of(survivor, List.of(candidate), unit.policy().phoneMatcher());
        new Violations().count("phones", result.phones().size(), Limits.PHONES)
                .count("emails", result.emails().size(), Limits.EMAILS)
                .count("tags", result.tags().size(), Limits.TAGS)
                .count("links", result.links().size(), Limits.LINKS)
                .count("managers", result.managers().size(), Limits.MANAGERS).throwIfAny();
        E merged = unit.update(store, survivor, result);
        if (merged.version() != survivor.version()) {
            unit.event(merged, EventKind.MERGED, "merged", "a new " + kind.name() + " of the same values");
        }
        return merged;
    }

    /**
     * The stored record of the best match the acting user may see, if any. Matches found by duplicate detection
     * (which sees every record) that the user may not see are not handed out: when there are only such, the
     * operation is refused, counting them but not naming them (CON-8).
     *
     * @throws DuplicateException when every match is one the user may not see
     */
    Optional<E> best(Unit unit, List<DuplicateMatch> matches) {
        List<DuplicateMatch> seen = visible(unit, matches);
        if (seen.isEmpty() && !matches.isEmpty()) {
            throw new DuplicateException(List.of(), matches.size());
        }
        return seen.stream().findFirst()
                .map(m -> kind.store().apply(unit.tx()).get(kind.id().apply(m.record().id())));
    }

    /** The stored record a candidate duplicates best, found under the duplicate locks when {@code lock}. */
    Optional<E> storedDuplicate(Unit unit, E candidate, boolean lock) {
        return best(unit, lock ? Duplicates.lockAndFind(unit.system(), unit.policy(), kind, candidate)
                : Duplicates.find(unit.system(), unit.policy(), kind, candidate));
    }

    /** The matches the acting user may see. */
    static List<DuplicateMatch> visible(Unit unit, List<DuplicateMatch> matches) {
        return matches.stream().filter(m -> unit.access().sees(m.record())).collect(Collectors.toList());
    }

    /** The new record a form describes, checked; every problem at once. */
    E candidate(Unit unit, F form) {
        return build.candidate(unit, form, null);
    }

    /** Stores a checked new record with its events. */
    E insert(Unit unit, E candidate) {
        return unit.insert(kind.store().apply(unit.tx()), candidate);
    }

    E update(Context context, I id, long expectedVersion, Consumer<? super F> edit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return context.write(unit -> {
            E current = unit.requireVersion(kind.store().apply(unit.tx()).get(id), expectedVersion);
            F form = formOf.apply(current);
            edit.accept(form);
            E candidate = build.candidate(unit, form, current);
            if (unit.policy().duplicateDetection() && !keys(unit, candidate).equals(keys(unit, current))) {
                reject(unit, form, Duplicates.lockAndFind(unit.system(), unit.policy(), kind, candidate));
            }
            return unit.update(kind.store().apply(unit.tx()), current, candidate);
        });
    }

    List<DuplicateMatch> findDuplicates(Context context, F candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return context.read(unit -> visible(unit, Duplicates.find(unit.system(), unit.policy(), kind,
                build.candidate(unit, candidate, null))));
    }

    private MatchKeys keys(Unit unit, E record) {
        return kind.keys().of(record, unit.policy().phoneMatcher(), EnumSet.allOf(MatchField.class));
    }

    /** Whether the form asks to be created despite its duplicates and the policy lets it (CON-5). */
    private boolean createsAnyway(Unit unit, F form) {
        return form.onDuplicate == OnDuplicate.CREATE_ANYWAY && kind.criteria().apply(unit.policy()).createAnywayAllowed();
    }

    private void reject(Unit unit, F form, List<DuplicateMatch> matches) {
        if (!matches.isEmpty() && !createsAnyway(unit, form)) {
            List<DuplicateMatch> seen = visible(unit, matches);
            throw new DuplicateException(seen, matches.size() - seen.size());
        }
    }
}
