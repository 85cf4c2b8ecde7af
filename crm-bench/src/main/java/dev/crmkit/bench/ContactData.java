package dev.crmkit.bench;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactBuilder;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generated people for the duplicate benchmarks (CON-4, CON-5), the same for a seed on every run and cached per JVM.
 *
 * <p>The shape, and why. The data sets in {@code shared/datasets/} hold no phones and too few people, so the shape
 * follows what CRM exports of Russian small businesses look like (the spellings are those users type and imports
 * carry, as in {@link ContactCsv}): names mostly Cyrillic with a patronymic, some Latin; one phone for most people,
 * two (a mobile and a work line) for 8 %, none for 3 %; numbers are Russian mobiles (about two thirds, written eight
 * ways), Moscow and St Petersburg landlines with and without the area code (the local seven digits alone too), Kazakh,
 * Belarusian, German (several lengths) and US numbers; 4 % carry an extension; 80 % have an e-mail, 40 % a birth
 * date. A given share of the people (5, 10 or 20 %) are an earlier person again, spread over the ways a CRM meets
 * the same person twice: the same number spelled otherwise (35 %), the same e-mail in other letters' case (25 %),
 * the same name and birth date with a new number (20 %), the same name and number (15 %), and a digit typo in the
 * number (5 %, which no rule finds). With {@code complete}, everybody has a first, middle and last name, a Russian
 * mobile, a private e-mail and a birth date, as the Bitrix24 preset requires of a contact (CON-2).
 */
public final class ContactData {

    private static final Map<String, List<Person>> CACHE = new ConcurrentHashMap<>();
    private static final String[] FIRST_RU = {"Иван", "Пётр", "Ольга", "Анна", "Сергей", "Мария", "Дмитрий", "Елена",
        "Алексей", "Наталья", "Андрей", "Татьяна", "Михаил", "Светлана", "Юлия", "Николай", "Екатерина", "Артём"};
    private static final String[] MIDDLE_RU = {"Иванович", "Петровна", "Сергеевич", "Алексеевна", "Дмитриевич",
        "Андреевна", "Михайлович", "Николаевна", "Викторович", "Юрьевна"};
    private static final String[] LAST_RU = {"Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов", "Соколова",
        "Лебедев", "Козлова", "Новиков", "Морозова", "Волков", "Соловьёва", "Васильев", "Зайцева", "Павлов",
        "Семёнов", "Голубева", "Виноградов", "Богданова", "Воробьёв"};
    private static final String[] FIRST_LAT = {"Ivan", "Olga", "Anna", "Sergey", "Maria", "John", "Thomas", "Julia"};
    private static final String[] LAST_LAT = {"Petrov", "Ivanova", "Smith", "Müller", "O'Brien", "Schmidt", "Johnson"};
    private static final String[] TRANSLIT = {"ivan", "petr", "olga", "anna", "sergey", "maria", "dmitry", "elena",
        "alexey", "natalia", "andrey", "tatiana", "mikhail", "svetlana", "julia", "nikolay", "ekaterina", "artem"};
    private static final String[] DOMAINS = {"mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru",
        "rambler.ru", "stroymontazh.ru", "example.com"};

    /**
     * A person to store.
     *
     * @param id the contact's id
     * @param first first name
     * @param middle middle name (patronymic), or null
     * @param last last name, or null
     * @param phones phones as written, the first a mobile when {@code complete}
     * @param email e-mail as written, or null
     * @param birth birth date, or null
     * @param returning whether the generator made this person as an earlier one again
     */
    public record Person(UUID id, String first, String middle, String last, List<String> phones, String email,
                         LocalDate birth, boolean returning) {
    }

    private ContactData() {
    }

    /**
     * People of whom a share are earlier people again.
     *
     * @param seed the seed
     * @param count how many
     * @param duplicateShare the share of returning people, such as 0.10
     * @param complete whether everybody has every field (the Bitrix24 preset's requirements)
     * @return the people
     */
    public static List<Person> people(long seed, int count, double duplicateShare, boolean complete) {
        return CACHE.computeIfAbsent(seed + ":" + count + ":" + duplicateShare + ":" + complete,
                k -> generate(seed, count, duplicateShare, complete));
    }

    /** Drops the cached people, so that a heap measurement counts only what holds on to them. */
    public static void forget() {
        CACHE.clear();
    }

    private static List<Person> generate(long seed, int count, double duplicateShare, boolean complete) {
        Random r = new Random(seed);
        List<Person> list = new ArrayList<>(count);
        List<Person> originals = new ArrayList<>(count);
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(r.nextLong() & 0x7FFFFFFFFFFF0FFFL | 0x7000L, r.nextLong() | Long.MIN_VALUE);
            if (!originals.isEmpty() && r.nextDouble() < duplicateShare) {
                Person e = originals.get(r.nextInt(originals.size()));
                int kind = r.nextInt(100);
                String first = r.nextInt(8) == 0 ? e.first().toUpperCase(Locale.ROOT) : e.first();
                List<String> phones;
                String email;
                LocalDate birth = e.birth();
                if (kind < 35 && !e.phones().isEmpty()) {
                    phones = List.of(respell(e.phones().get(0), r));
                    email = complete || r.nextBoolean() ? newEmail(r, emails) : null;
                } else if (kind < 60 && e.email() != null) {
                    phones = complete ? List.of(mobile(r)) : r.nextInt(3) == 0 ? List.of() : List.of(phone(r));
                    email = recase(e.email(), r);
                } else if (kind < 80 && e.birth() != null) {
                    phones = List.of(complete ? mobile(r) : phone(r));
                    email = complete ? newEmail(r, emails) : null;
                } else if (kind < 95 && !e.phones().isEmpty()) {
                    phones = List.of(e.phones().get(0));
                    email = complete ? newEmail(r, emails) : null;
                    birth = complete ? e.birth() : null;
                } else if (!e.phones().isEmpty()) {
                    phones = List.of(ContactCsv.typo(e.phones().get(0), r));
                    email = complete ? newEmail(r, emails) : null;
                } else {
                    phones = List.of(complete ? mobile(r) : phone(r));
                    email = recaseOrNew(e.email(), r, emails);
                }
                list.add(new Person(id, first, e.middle(), e.last(), phones, email, birth, true));
                continue;
            }
            boolean cyrillic = complete || r.nextInt(4) != 0;
            String first = cyrillic ? FIRST_RU[r.nextInt(FIRST_RU.length)] : FIRST_LAT[r.nextInt(FIRST_LAT.length)];
            String middle = cyrillic && (complete || r.nextInt(10) < 7) ? MIDDLE_RU[r.nextInt(MIDDLE_RU.length)] : null;
            String last = !complete && r.nextInt(25) == 0 ? null
                    : cyrillic ? LAST_RU[r.nextInt(LAST_RU.length)] : LAST_LAT[r.nextInt(LAST_LAT.length)];
            List<String> phones;
            int p = r.nextInt(100);
            if (complete) {
                phones = p < 8 ? List.of(mobile(r), phone(r)) : List.of(mobile(r));
            } else {
                phones = p < 3 ? List.of() : p < 11 ? List.of(phone(r), phone(r)) : List.of(phone(r));
            }
            List<String> withExtensions = new ArrayList<>(phones);
            for (int k = complete ? 1 : 0; k < withExtensions.size(); k++) {
                if (r.nextInt(25) == 0) {
                    withExtensions.set(k, withExtensions.get(k) + (r.nextBoolean() ? " доб. " : " ext. ")
                            + (1 + r.nextInt(999)));
                }
            }
            String email = complete || r.nextInt(100) < 80 ? newEmail(r, emails) : null;
            LocalDate birth = complete || r.nextInt(100) < 40
                    ? LocalDate.of(1950 + r.nextInt(56), 1 + r.nextInt(12), 1 + r.nextInt(28)) : null;
            Person person = new Person(id, first, middle, last, List.copyOf(withExtensions), email, birth, false);
            originals.add(person);
            list.add(person);
        }
        return List.copyOf(list);
    }

    private static String mobile(Random r) {
        return BenchData.spell(BenchData.national(r), r);
    }

    private static String phone(Random r) {
        return ContactCsv.newPhone(r);
    }

    private static String respell(String phone, Random r) {
        int ext = phone.indexOf(" доб. ") >= 0 ? phone.indexOf(" доб. ") : phone.indexOf(" ext. ");
        return ContactCsv.respell(ext >= 0 ? phone.substring(0, ext) : phone, r);
    }

    private static String newEmail(Random r, Set<String> used) {
        String email;
        do {
            email = TRANSLIT[r.nextInt(TRANSLIT.length)] + (r.nextBoolean() ? "." : "_")
                    + TRANSLIT[r.nextInt(TRANSLIT.length)] + r.nextInt(100_000) + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
        } while (!used.add(email));
        return email;
    }

    private static String recase(String email, Random r) {
        return r.nextBoolean() ? email.toUpperCase(Locale.ROOT) : Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }

    private static String recaseOrNew(String email, Random r, Set<String> used) {
        return email != null ? recase(email, r) : newEmail(r, used);
    }

    /**
     * The people as stored contacts (their phones as mobiles, the first e-mail private), as the storage port takes
     * them: what contacts created through the API would be, without their events.
     *
     * @param people the people
     * @param owner their responsible user
     * @param at their creation time
     * @return the contacts
     */
    public static List<Contact> contacts(List<Person> people, UserId owner, Instant at) {
        List<Contact> list = new ArrayList<>(people.size());
        for (Person p : people) {
            List<ContactPhone> phones = new ArrayList<>(p.phones().size());
            for (String raw : p.phones()) {
                phones.add(ContactPhone.mobile(raw));
            }
            ContactBuilder b = Contact.builder().id(new ContactId(p.id())).created(at).updated(at)
                    .name(new PersonName(Optional.of(p.first()), Optional.ofNullable(p.middle()),
                            Optional.ofNullable(p.last())))
                    .responsible(owner).access(AccessLevel.SHARED_READ).phones(phones)
                    .emails(p.email() == null ? List.of() : List.of(ContactEmail.personal(p.email())));
            if (p.birth() != null) {
                b.birthDate(p.birth());
            }
            list.add(b.build());
        }
        return list;
    }
}
