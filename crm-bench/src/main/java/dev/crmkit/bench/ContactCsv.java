package dev.crmkit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

/**
 * A generated CSV file of contacts to import, as a CRM's users export them from spreadsheets and older systems,
 * the same for a seed on every run and cached on disk by seed and size (under {@code crm-bench/target/bench-data}
 * when run from the repository root, else {@code target/bench-data}).
 *
 * <p>Columns: {@code First name, Last name, Phone, E-mail, Birth date, Comment}, comma-separated, UTF-8, CRLF.
 * Values are messy the way real exports are: names in either script, in lower case, with stray spaces, or only
 * a first name; phones in many spellings (Russian mobiles written eight ways, Moscow and St Petersburg landlines
 * with and without the area code, extensions such as {@code доб. 12}, Kazakh, Belarusian, German and US numbers);
 * e-mails in mixed case; birth dates as {@code yyyy-MM-dd} or {@code dd.MM.yyyy}; comments with commas, quotes
 * and line breaks, so they are quoted. About 7 % of the rows come back to an earlier person: the same number
 * spelled otherwise, the same e-mail in other letters' case, or both; some of those carry a digit typo, which no
 * rule can catch. About 1.7 % of the rows are bad: no name at all, a phone with letters or none of digits, an
 * e-mail that is not one, a birth date that is no date; a few of the nameless rows have nothing else either and are
 * blank (spaces only), which an import passes over.
 *
 * <p>The generator also works out, row by row, what a correct import must do under "duplicates are the same
 * phone (last ten digits, extension left out, CON-4) or the same e-mail (any case); the first row wins; a bad
 * row is refused and matches nothing": {@link Expected}. Both crmkit's import and PostgreSQL's load are
 * checked against it.
 */
public final class ContactCsv {

    /** The header. */
    public static final List<String> HEADER = List.of("First name", "Last name", "Phone", "E-mail", "Birth date",
            "Comment");
    /** The share of rows that come back to an earlier person. */
    public static final double DUPLICATE_SHARE = 0.07;

    private static final String[] FIRST_RU = {"Иван", "Пётр", "Ольга", "Анна", "Сергей", "Мария", "Дмитрий", "Елена",
        "Алексей", "Наталья", "Андрей", "Татьяна", "Михаил", "Светлана", "Юлия", "Николай", "Екатерина", "Артём"};
    private static final String[] LAST_RU = {"Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов", "Соколова",
        "Лебедев", "Козлова", "Новиков", "Морозова", "Волков", "Соловьёва", "Васильев", "Зайцева", "Павлов"};
    private static final String[] FIRST_LAT = {"Ivan", "Olga", "Anna", "Sergey", "Maria", "John", "Anna-Maria",
        "Thomas", "Julia", "Alexander"};
    private static final String[] LAST_LAT = {"Petrov", "Ivanova", "Smith", "Müller", "O'Brien", "Schmidt",
        "Kuznetsova", "Johnson"};
    private static final String[] TRANSLIT = {"ivan", "petr", "olga", "anna", "sergey", "maria", "dmitry", "elena",
        "alexey", "natalia", "andrey", "tatiana", "mikhail", "svetlana", "julia", "nikolay", "ekaterina", "artem"};
    private static final String[] DOMAINS = {"mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru",
        "rambler.ru", "stroymontazh.ru", "example.com"};
    private static final String[] COMMENTS = {"Перезвонить после обеда", "Интересует опт, прислать прайс",
        "Говорит \"уже работаем с другими\"", "Звонил 12.03\r\nпросил перезвонить в апреле",
        "Клиент с выставки, визитка", "VIP, скидка 5%", "Не берёт трубку, писать на почту", "Менеджер: Петров, доб. 204"};
    private static final String[] BAD_PHONES = {"нет", "-", "+7 9O1 234-56-78", "89о1 234 56 78", "тел. уточнить",
        "не указан"};
    private static final String[] BAD_EMAILS = {"%s.mail.ru", "%s@mail", "%s @mail.ru", "%s@@mail.ru"};
    private static final String[] BAD_DATES = {"не знаю", "1985/03/12", "весна 1990", "0"};

    /**
     * What a correct import of the file does, worked out by the generator.
     *
     * @param dataRows data rows (the header not counted)
     * @param cells cells of every record, the header's included
     * @param blank rows with no text in any cell (only spaces), which an import passes over as it does empty rows
     * @param bad rows refused for bad values (the blank rows not counted)
     * @param stored rows that make a new contact
     * @param skipped valid rows that duplicate an earlier stored row by phone or e-mail, or without either by full name
     * @param returning rows the generator made as a returning person (with or without a typo)
     */
    public record Expected(long dataRows, long cells, long blank, long bad, long stored, long skipped, long returning) {
    }

    /**
     * A generated file on disk.
     *
     * @param path where it is
     * @param expected what importing it must give
     */
    public record Generated(Path path, Expected expected) {
    }

    /** One generated person, as first written. */
    private record Person(String first, String last, String phoneBase, String phoneKey, String email, String birth) {
    }

    private ContactCsv() {
    }

    /** Raised whenever the file or what it must give changes, so that no stale cached file is read. */
    private static final int FORMAT = 2;

    /** The directory generated files are cached in. */
    static Path cacheDir() {
        Path fromRoot = Path.of("crm-bench", "target");
        return Files.isDirectory(fromRoot) ? fromRoot.resolve("bench-data") : Path.of("target", "bench-data");
    }

    /**
     * The file for a seed and size, generated once and then read from the cache.
     *
     * @param seed the seed
     * @param rows how many data rows
     * @return the file and what importing it must give
     */
    public static synchronized Generated of(long seed, int rows) {
        Path dir = cacheDir();
        String name = "contacts-v" + FORMAT + "-" + seed + "-" + rows;
        Path csv = dir.resolve(name + ".csv");
        Path facts = dir.resolve(name + ".properties");
        try {
            if (Files.exists(csv) && Files.exists(facts)) {
                return new Generated(csv, read(facts));
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "contacts", ".tmp");
            Expected expected;
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                expected = write(seed, rows, out);
            }
            Properties p = new Properties();
            p.setProperty("dataRows", Long.toString(expected.dataRows()));
            p.setProperty("cells", Long.toString(expected.cells()));
            p.setProperty("blank", Long.toString(expected.blank()));
            p.setProperty("bad", Long.toString(expected.bad()));
            p.setProperty("stored", Long.toString(expected.stored()));
            p.setProperty("skipped", Long.toString(expected.skipped()));
            p.setProperty("returning", Long.toString(expected.returning()));
            try (Writer w = Files.newBufferedWriter(facts, StandardCharsets.UTF_8)) {
                p.store(w, "what importing " + csv.getFileName() + " must give");
            }
            Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Generated(csv, expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated contacts to " + dir, e);
        }
    }

    private static Expected read(Path facts) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(facts, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new Expected(Long.parseLong(p.getProperty("dataRows")), Long.parseLong(p.getProperty("cells")),
                Long.parseLong(p.getProperty("blank")), Long.parseLong(p.getProperty("bad")),
                Long.parseLong(p.getProperty("stored")),
                Long.parseLong(p.getProperty("skipped")), Long.parseLong(p.getProperty("returning")));
    }

    /**
     * Writes the file.
     *
     * @param seed the seed
     * @param rows how many data rows
     * @param out where to
     * @return what importing it must give
     * @throws IOException if writing fails
     */
    static Expected write(long seed, int rows, Writer out) throws IOException {
        Random r = new Random(seed);
        List<Person> people = new ArrayList<>(rows);
        Set<String> emailsUsed = new HashSet<>();
        Set<String> phoneKeys = new HashSet<>();
        Set<String> emailKeys = new HashSet<>();
        Set<String> bareNames = new HashSet<>();
        long blank = 0;
        long bad = 0;
        long stored = 0;
        long skipped = 0;
        long returning = 0;
        line(out, HEADER);
        String[] cells = new String[6];
        for (int i = 0; i < rows; i++) {
            Person p;
            String phone;
            String phoneKey;
            String email;
            if (!people.isEmpty() && r.nextDouble() < DUPLICATE_SHARE) {
                returning++;
                Person earlier = people.get(r.nextInt(people.size()));
                p = earlier;
                int kind = r.nextInt(20);
                boolean samePhone = earlier.phoneBase() != null && kind < 11;
                boolean sameEmail = earlier.email() != null && (kind >= 9 && kind < 18 || !samePhone);
                if (kind >= 18 && earlier.phoneBase() != null) {
                    // The same person with a digit typo in the number and no e-mail: no rule can know.
                    phone = typo(earlier.phoneBase(), r);
                    phoneKey = key(phone);
                    email = null;
                } else {
                    phone = samePhone ? respell(earlier.phoneBase(), r) : r.nextInt(3) == 0 ? null : newPhone(r);
                    phoneKey = phone == null ? null : key(phone);
                    email = sameEmail ? recase(earlier.email(), r) : r.nextInt(2) == 0 ? null : newEmail(r, emailsUsed);
                }
                cells[0] = r.nextInt(10) == 0 ? earlier.first().toLowerCase(Locale.ROOT) : earlier.first();
                cells[1] = earlier.last();
                cells[4] = r.nextInt(2) == 0 ? earlier.birth() : null;
            } else {
                boolean cyrillic = r.nextInt(4) != 0;
                String first = cyrillic ? FIRST_RU[r.nextInt(FIRST_RU.length)] : FIRST_LAT[r.nextInt(FIRST_LAT.length)];
                String last = r.nextInt(20) == 0 ? ""
                        : cyrillic ? LAST_RU[r.nextInt(LAST_RU.length)] : LAST_LAT[r.nextInt(LAST_LAT.length)];
                phone = r.nextInt(100) < 88 ? newPhone(r) : null;
                phoneKey = phone == null ? null : key(phone);
                email = r.nextInt(100) < 78 ? newEmail(r, emailsUsed) : null;
                String birth = r.nextInt(100) < 35 ? birthDate(r) : null;
                p = new Person(first, last, phone, phoneKey, email, birth);
                people.add(p);
                cells[0] = r.nextInt(50) == 0 ? " " + first + "  " : r.nextInt(30) == 0 ? first.toLowerCase(Locale.ROOT)
                        : first;
                cells[1] = last;
                cells[4] = birth;
            }
            if (phone != null && r.nextInt(25) == 0) {
                phone = phone + extension(r);
            }
            cells[2] = phone;
            cells[3] = email;
            cells[5] = r.nextInt(100) < 8 ? COMMENTS[r.nextInt(COMMENTS.length)] : null;
            // About 1.7 % of the rows get one bad value.
            int flaw = r.nextInt(1000);
            if (flaw < 4) {
                cells[0] = r.nextInt(2) == 0 ? "" : "   ";
                cells[1] = null;
            } else if (flaw < 9) {
                cells[2] = BAD_PHONES[r.nextInt(BAD_PHONES.length)];
                phoneKey = null;
            } else if (flaw < 14) {
                cells[3] = String.format(Locale.ROOT, BAD_EMAILS[r.nextInt(BAD_EMAILS.length)], "ivan.petrov" + i);
                email = null;
            } else if (flaw < 17) {
                cells[4] = BAD_DATES[r.nextInt(BAD_DATES.length)];
            }
            if (Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                blank++;
            } else if (flaw < 17) {
                bad++;
            } else {
                String emailKey = email == null ? null : email.toLowerCase(Locale.ROOT);
                // A row without phone and e-mail matches a stored contact of the same full name without them.
                String bareName = phone == null && email == null ? fullName(cells[0], cells[1]) : null;
                boolean duplicate = phoneKey != null && phoneKeys.contains(phoneKey)
                        || emailKey != null && emailKeys.contains(emailKey)
                        || bareName != null && bareNames.contains(bareName);
                if (duplicate) {
                    skipped++;
                } else {
                    stored++;
                    if (phoneKey != null) {
                        phoneKeys.add(phoneKey);
                    }
                    if (emailKey != null) {
                        emailKeys.add(emailKey);
                    }
                    if (bareName != null) {
                        bareNames.add(bareName);
                    }
                }
            }
            line(out, Arrays.asList(cells));
        }
        return new Expected(rows, 6L * (rows + 1), blank, bad, stored, skipped, returning);
    }

    /** A number as first written: mostly Russian mobiles, then landlines, then other countries. */
    static String newPhone(Random r) {
        int kind = r.nextInt(100);
        if (kind < 66) {
            return BenchData.spell(BenchData.national(r), r);
        }
        if (kind < 80) {
            String city = r.nextBoolean() ? "495" : "812";
            String n = digits(r, 7);
            switch (r.nextInt(5)) {
                case 0:
                    return "(" + city + ") " + n.substring(0, 3) + "-" + n.substring(3, 5) + "-" + n.substring(5);
                case 1:
                    return "8 (" + city + ") " + n;
                case 2:
                    return "+7 " + city + " " + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5);
                case 3:
                    return "8" + city + n;
                default:
                    // Only the local number, as people within the city write it.
                    return n.substring(0, 3) + "-" + n.substring(3, 5) + "-" + n.substring(5);
            }
        }
        if (kind < 86) {
            String n = "7" + (r.nextInt(8) + 1) + digits(r, 8);
            return r.nextBoolean() ? "+7 (" + n.substring(0, 3) + ") " + n.substring(3, 6) + " " + n.substring(6)
                    : "8 " + n.substring(0, 3) + " " + n.substring(3);
        }
        if (kind < 91) {
            String op = new String[] {"29", "33", "44", "25"}[r.nextInt(4)];
            String n = digits(r, 7);
            return "+375 (" + op + ") " + n.substring(0, 3) + "-" + n.substring(3, 5) + "-" + n.substring(5);
        }
        if (kind < 96) {
            return r.nextBoolean() ? "+49 30 " + digits(r, 7 + r.nextInt(2))
                    : "+49 1" + (51 + r.nextInt(29)) + " " + digits(r, 7 + r.nextInt(2));
        }
        String n = digits(r, 3);
        return r.nextBoolean() ? "+1 (212) " + n + "-" + digits(r, 4) : "212-" + n + "-" + digits(r, 4);
    }

    private static String digits(Random r, int count) {
        StringBuilder sb = new StringBuilder(count);
        sb.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < count; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static String extension(Random r) {
        int n = 1 + r.nextInt(999);
        switch (r.nextInt(4)) {
            case 0:
                return " доб. " + n;
            case 1:
                return ", доб " + n;
            case 2:
                return " ext. " + n;
            default:
                return " #" + n;
        }
    }

    /** The same number written another way: a Russian mobile in another spelling, others without separators. */
    static String respell(String phone, Random r) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 10 && digits.charAt(digits.length() - 10) == '9'
                && (digits.length() == 10 || digits.length() == 11 && (digits.charAt(0) == '7' || digits.charAt(0) == '8'))) {
            return BenchData.spell(digits.substring(digits.length() - 10), r);
        }
        return r.nextBoolean() ? phone : (phone.startsWith("+") ? "+" : "") + digits;
    }

    /** The number with one digit in its last ten changed. */
    static String typo(String phone, Random r) {
        char[] c = phone.toCharArray();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (Character.isDigit(c[i])) {
                at.add(i);
            }
        }
        int i = at.get(Math.max(0, at.size() - 1 - r.nextInt(Math.min(at.size(), 7))));
        c[i] = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
        return new String(c);
    }

    /** The full name a contact gets from the first and last name cells, as crm-core joins the stripped parts. */
    private static String fullName(String first, String last) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        return f.isEmpty() ? l : l.isEmpty() ? f : f + " " + l;
    }

    /** CON-4's key of a number as written (no extension here): its last ten digits. */
    static String key(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() <= 10 ? digits : digits.substring(digits.length() - 10);
    }

    private static String newEmail(Random r, Set<String> used) {
        String email;
        do {
            String local = TRANSLIT[r.nextInt(TRANSLIT.length)] + (r.nextBoolean() ? "." : "_")
                    + TRANSLIT[r.nextInt(TRANSLIT.length)] + (r.nextInt(100_000));
            email = local + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
        } while (!used.add(email));
        return r.nextInt(12) == 0 ? Character.toUpperCase(email.charAt(0)) + email.substring(1) : email;
    }

    private static String recase(String email, Random r) {
        int kind = r.nextInt(3);
        return kind == 0 ? email.toUpperCase(Locale.ROOT) : kind == 1 ? email.toLowerCase(Locale.ROOT) : email;
    }

    private static String birthDate(Random r) {
        int year = 1950 + r.nextInt(56);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        return r.nextBoolean() ? String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day)
                : String.format(Locale.ROOT, "%02d.%02d.%04d", day, month, year);
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String c = cells.get(i);
            if (c == null || c.isEmpty()) {
                continue;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write("\r\n");
    }
}
