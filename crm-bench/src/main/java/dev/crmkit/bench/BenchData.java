package dev.crmkit.bench;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generated benchmark data, the same for a seed on every run and cached per JVM by seed and size:
 * phone numbers in the spellings people and imports use, and people of whom a share are duplicates
 * whose phone is written differently.
 */
public final class BenchData {

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final String[] FIRST = {"Ivan", "Petr", "Olga", "Anna", "Sergey", "Maria", "Dmitry", "Elena"};
    private static final String[] LAST = {"Petrov", "Ivanova", "Smirnov", "Kuznetsova", "Popov", "Sokolova"};

    /** A person to store: id, name, phone as written, e-mail. */
    public record Person(UUID id, String first, String last, String phone, String email) {
    }

    private BenchData() {
    }

    /** A Russian mobile number's ten national digits. */
    static String national(Random r) {
        StringBuilder sb = new StringBuilder("9");
        for (int i = 1; i < 10; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** One of the spellings of a Russian number seen in CRMs and imports. */
    static String spell(String n, Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return "+7 (" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8);
            case 1:
                return "8 " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6, 8) + " " + n.substring(8);
            case 2:
                return n;
            case 3:
                return "7" + n;
            case 4:
                return "+7" + n;
            case 5:
                return "8(" + n.substring(0, 3) + ")" + n.substring(3);
            case 6:
                return "+7-" + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
            default:
                return "8 " + n.substring(0, 3) + " " + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8);
        }
    }

    /**
     * Numbers in mixed formats: Russian mobiles in every spelling (some with an extension), and a share
     * of US and German numbers.
     *
     * @param seed the seed
     * @param count how many
     * @return the numbers as written
     */
    @SuppressWarnings("unchecked")
    public static List<String> phones(long seed, int count) {
        return (List<String>) CACHE.computeIfAbsent("phones:" + seed + ":" + count, k -> {
            Random r = new Random(seed);
            List<String> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int kind = r.nextInt(20);
                if (kind == 0) {
                    list.add("+1 (212) 555-" + (1000 + r.nextInt(9000)));
                } else if (kind == 1) {
                    list.add("+49 30 " + (1000000 + r.nextInt(9000000)));
                } else if (kind == 2) {
                    list.add(spell(national(r), r) + " доб. " + (1 + r.nextInt(999)));
                } else {
                    list.add(spell(national(r), r));
                }
            }
            return List.copyOf(list);
        });
    }

    /**
     * Numbers as {@link ContactData}'s people have them: Russian mobiles in every spelling, Moscow and St Petersburg
     * landlines with and without the area code (and the local seven digits alone), Kazakh, Belarusian, German and
     * US numbers, 4 % with an extension.
     *
     * @param seed the seed
     * @param count how many
     * @return the numbers as written
     */
    @SuppressWarnings("unchecked")
    public static List<String> realisticPhones(long seed, int count) {
        return (List<String>) CACHE.computeIfAbsent("realistic:" + seed + ":" + count, k -> {
            Random r = new Random(seed);
            List<String> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String phone = ContactCsv.newPhone(r);
                list.add(r.nextInt(25) == 0 ? phone + (r.nextBoolean() ? " доб. " : " ext. ") + (1 + r.nextInt(999))
                        : phone);
            }
            return List.copyOf(list);
        });
    }

    /**
     * People, a share of whom duplicate an earlier one: the same number in another spelling, under
     * another name and e-mail.
     *
     * @param seed the seed
     * @param count how many
     * @param duplicateShare the share of duplicates, such as 0.05
     * @return the people
     */
    @SuppressWarnings("unchecked")
    public static List<Person> people(long seed, int count, double duplicateShare) {
        return (List<Person>) CACHE.computeIfAbsent("people:" + seed + ":" + count + ":" + duplicateShare, k -> {
            Random r = new Random(seed);
            List<Person> list = new ArrayList<>(count);
            List<String> numbers = new ArrayList<>(count);
            Set<String> used = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String n;
                if (i > 0 && r.nextDouble() < duplicateShare) {
                    n = numbers.get(r.nextInt(numbers.size()));
                } else {
                    do {
                        n = national(r);
                    } while (!used.add(n));
                }
                numbers.add(n);
                list.add(new Person(new UUID(r.nextLong() & 0x7FFFFFFFFFFF0FFFL | 0x7000L, r.nextLong() | Long.MIN_VALUE),
                        FIRST[r.nextInt(FIRST.length)], LAST[r.nextInt(LAST.length)] + i, spell(n, r),
                        "person" + i + "@mail.example"));
            }
            return List.copyOf(list);
        });
    }

    /**
     * The people as stored contacts.
     *
     * @param people the people
     * @param owner their responsible user
     * @param at their creation time
     * @return the contacts
     */
    public static List<Contact> contacts(List<Person> people, UserId owner, Instant at) {
        List<Contact> list = new ArrayList<>(people.size());
        for (Person p : people) {
            list.add(Contact.builder().id(new ContactId(p.id())).created(at).updated(at)
                    .name(PersonName.of(p.first(), p.last())).responsible(owner).access(AccessLevel.SHARED_READ)
                    .phones(List.of(ContactPhone.mobile(p.phone()))).emails(List.of(ContactEmail.work(p.email()))).build());
        }
        return list;
    }
}
