package dev.crmkit.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The one table of bounds of crmkit: how long a text, how many digits a number, which dates and how many
 * items a collection may have. Value objects apply them in their factories and crm-core applies them to
 * its command objects (the {@code int} constants are compile-time constants, usable in annotations such
 * as {@code @Size(max = Limits.NAME)}), so every storage adapter is asked to store only what all of them
 * store exactly, and every adapter answers the same.
 *
 * <p>Text lengths count Unicode code points of the {@linkplain Text#normalize(String) normalized} text
 * (NFC, trimmed), not UTF-16 units or bytes: {@code "😀"} is one, {@code "é"} is one in either spelling.
 * Every bound is far below what PostgreSQL {@code text} (1 GB) and {@code jsonb} (255 MB a document)
 * hold; they are there to keep records, messages and indexes small and to refuse nonsense early.
 *
 * <p>Numbers count digits of the value with trailing zeros ignored, so {@code 15000.00} has five integer
 * digits and no decimals. The checks here ({@link #integerDigits(BigDecimal)},
 * {@link #hasAtMostDecimals(BigDecimal, int)}) cost a few operations whatever the exponent, so
 * {@code 1E-999999999} and {@code 1E+999999999} are refused without ever being expanded.
 */
public final class Limits {

    private Limits() {
    }

    // ---- single-line texts, in code points ----

    /**
     * The longest name of a deal, company, pipeline, stage, admin-managed list item (task type, contact
     * type, temperature level, loss reason, product group), product (line) or lead: {@value}.
     */
    public static final int NAME = 255;

    /** The longest part (first, middle or last name) of a person's name: {@value}. */
    public static final int PERSON_NAME_PART = 100;

    /** The longest display name of a user: {@value}. */
    public static final int USER_NAME = 200;

    /** The longest job title of a contact: {@value}. */
    public static final int JOB_TITLE = 200;

    /** The longest tag: {@value}. */
    public static final int TAG = 100;

    /**
     * The longest short code that identifies something rather than describes it: the name of a telephony
     * integration, a call id, a UTM value or analytics client id, the key of a list field's option:
     * {@value}. Codes also refuse format (invisible) characters, see {@link Text#checkCode}.
     */
    public static final int CODE = 255;

    /**
     * The longest phone number as written, before parsing: {@value}. A number of
     * {@value #PHONE_DIGITS} digits with a separator between every two, a prefix and an extension fits.
     */
    public static final int PHONE_INPUT = 64;

    /**
     * The longest e-mail address as written, before trimming: {@value} (the historical 64 + 1 + 255 of
     * RFC 3696); the address itself has at most {@value #EMAIL_LENGTH}.
     */
    public static final int EMAIL_INPUT = 320;

    /** The longest decimal amount as written for {@code Money.of(String, String)}, before parsing: {@value}. */
    public static final int AMOUNT_INPUT = 64;

    /** The longest URL (a link, a photo reference, a call recording, a URL field): {@value}. */
    public static final int URL = 2048;

    /** The longest subject of a message (the line limit of RFC 5322): {@value}. */
    public static final int MESSAGE_SUBJECT = 998;

    /** The longest street part (street, building, apartment) of an address: {@value}. */
    public static final int ADDRESS_STREET = 255;

    /** The longest city, region or country of an address: {@value}. */
    public static final int ADDRESS_PART = 100;

    /** The longest postal code: {@value}. */
    public static final int POSTAL_CODE = 20;

    // ---- multi-line texts, in code points (tabs and line breaks allowed) ----

    /** The longest description of a contact, company, deal or lead: {@value}. */
    public static final int DESCRIPTION = 10_000;

    /** The longest comment on a timeline: {@value}. */
    public static final int COMMENT = 10_000;

    /** The longest text of a task: {@value}. */
    public static final int TASK_TEXT = 10_000;

    /** The longest result of a task: {@value}. */
    public static final int TASK_RESULT = 10_000;

    /** The longest body of a logged e-mail, SMS or chat message: {@value}. */
    public static final int MESSAGE_BODY = 100_000;

    /** The longest value of a text or textarea custom field: {@value}. */
    public static final int TEXT_FIELD = 10_000;

    // ---- text rules ----

    /**
     * The most combining marks in a row: {@value}, the bound of Unicode's Stream-Safe Text Format
     * (UAX #15). No language needs more; NFC normalization of a longer run takes time quadratic in
     * its length, so a longer run is refused ({@code text.combining_marks}) instead.
     */
    public static final int COMBINING_MARKS = 30;

    /**
     * The most code points of user input quoted in a violation message: {@value}; a longer value is
     * cut and ends with {@code …} (see {@link Text#excerpt(String)}).
     */
    public static final int EXCERPT = 64;

    // ---- money and numbers ----

    /**
     * The most digits before the decimal point of an amount of money: {@value} (up to
     * 999 999 999 999 999.9999, above any budget). With {@value #AMOUNT_SCALE} decimals an amount has
     * at most 19 significant digits, which every store keeps exactly: Java's {@code BigDecimal},
     * PostgreSQL {@code numeric} (a column or a {@code jsonb} number, exact up to thousands of digits)
     * and JSON written as a plain decimal; an amount then never needs an exponent to be written.
     * Sums and products that would exceed it are refused, never kept unbounded.
     */
    public static final int AMOUNT_INTEGER_DIGITS = 15;

    /**
     * The most decimals of an amount of money: {@value}, the most any ISO 4217 currency has (CLF and
     * UYW); an amount never has more decimals than its currency either (two for RUB, none for JPY).
     * Currencies without decimals of their own (gold, special drawing rights) use this bound.
     */
    public static final int AMOUNT_SCALE = 4;

    /** The most digits before the decimal point of a product line's quantity: {@value}. */
    public static final int QUANTITY_INTEGER_DIGITS = 9;

    /** The most decimals of a product line's quantity (kilograms to the gram and finer): {@value}. */
    public static final int QUANTITY_SCALE = 4;

    /** The most decimals of a percentage (such as {@code 12.3456 %}); its range is 0 to 100: {@value}. */
    public static final int PERCENT_SCALE = 4;

    /** The most decimals of an exchange rate for reports (AN-13), such as {@code 92.345678}: {@value}. */
    public static final int RATE_SCALE = 8;

    /** The most digits before the decimal point of a number custom field: {@value}. */
    public static final int NUMBER_INTEGER_DIGITS = 15;

    /** The most decimals of a number custom field: {@value}. */
    public static final int NUMBER_SCALE = 6;

    /**
     * The longest duration of a logged call, in seconds: {@value} (a day); a duration is never negative.
     * Longer values are a telephony integration's error, and summing them in call reports (AN-7) must
     * stay far from overflow.
     */
    public static final int CALL_DURATION_SECONDS = 86_400;

    // ---- phones and e-mails ----

    /**
     * The most digits of a phone number before its extension: {@value}, the maximum of an E.164 number
     * (country code and national number). A leading international prefix {@code 00} written instead of
     * {@code +} is not counted.
     */
    public static final int PHONE_DIGITS = 15;

    /** The most digits of a phone extension: {@value}. */
    public static final int PHONE_EXTENSION_DIGITS = 10;

    /** The longest e-mail address (RFC 5321's 256-octet path minus its angle brackets): {@value}. */
    public static final int EMAIL_LENGTH = 254;

    /** The longest local part (before the {@code @}) of an e-mail address (RFC 5321): {@value}. */
    public static final int EMAIL_LOCAL_PART = 64;

    /** The longest domain of an e-mail address, in its ASCII form (RFC 1035): {@value}. */
    public static final int EMAIL_DOMAIN = 253;

    // ---- dates ----

    /**
     * The earliest date crmkit stores: 1900-01-01. PostgreSQL {@code date} and Java reach much further,
     * but the JDBC driver's handling of far and BC dates differs from Java's proleptic calendar, and
     * nothing a CRM records is older. Birth dates are further bounded by today (no birth date in the
     * future), which crm-core checks with its clock.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** The latest date crmkit stores: 9999-12-31, the last date with a four-digit year. */
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    /** The earliest instant crmkit stores: 1900-01-01T00:00:00Z. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

    /**
     * The latest instant crmkit stores: 9999-12-31T23:59:59.999999Z (PostgreSQL {@code timestamptz}
     * keeps microseconds; its own range ends in the year 294276).
     */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    // ---- collections ----

    /** The most phone numbers of one contact or company: {@value}. */
    public static final int PHONES = 20;

    /** The most e-mail addresses of one contact, company or user: {@value}. */
    public static final int EMAILS = 20;

    /** The most tags of one record: {@value}. */
    public static final int TAGS = 50;

    /** The most web and social links of one contact or company: {@value}. */
    public static final int LINKS = 20;

    /** The most product lines of one deal: {@value}. */
    public static final int PRODUCT_LINES = 200;

    /** The most contacts of one deal: {@value}. */
    public static final int DEAL_CONTACTS = 50;

    /** The most users a deal can be restricted to (USER-5): {@value}. */
    public static final int RESTRICTED_USERS = 100;

    /** The most managers of one contact or company besides its responsible user (CON-8): {@value}. */
    public static final int MANAGERS = 100;

    /** The most custom-field values of one record, and the most custom fields of one entity type: {@value}. */
    public static final int CUSTOM_FIELDS = 200;

    /** The most exchange rates reports convert with (AN-13), one per currency: {@value}. */
    public static final int EXCHANGE_RATES = 300;

    /** The most sales goals set at once (AN-8), one per manager, period and measure: {@value}. */
    public static final int GOALS = 10_000;

    /** The most options of one list or multi-list custom field: {@value}. */
    public static final int FIELD_OPTIONS = 1_000;

    /** The most options chosen in one multi-list custom-field value: {@value}. */
    public static final int CHOICES = 100;

    /** The deepest a filter may nest (each AND, OR and NOT is a level); deeper ones are refused when built. */
    public static final int FILTER_DEPTH = 32;

    /** The most conditions and connectives one filter may hold. */
    public static final int FILTER_NODES = 1_000;

    /** The most values one {@code in} condition may list. */
    public static final int FILTER_VALUES = 1_000;

    /**
     * The longest text a query compares, as a filter value or a cursor's key: {@value}, the longest value
     * of any text field a query can name (a contact's full name: three parts of {@value #PERSON_NAME_PART}
     * and two spaces).
     */
    public static final int QUERY_TEXT = 3 * PERSON_NAME_PART + 2;

    /** The largest page of a query: {@value}. */
    public static final int PAGE_SIZE = 10_000;

    /**
     * The most records (or events) one batch write of a port takes ({@code Store.insertAll},
     * {@code Store.restoreAll}, {@code Events.appendAll}, {@code Events.restoreAll}), and so the most an import
     * stores in one transaction and a restore writes in one call: {@value}.
     */
    public static final int BATCH = 1_000;

    /** The most columns a row of an imported file may have (IO-4): {@value}; a wider row is refused. */
    public static final int IMPORT_COLUMNS = 1_000;

    /**
     * The longest cell of an imported file, in characters: {@value} (the longest message body); a longer one
     * stops the import as unreadable.
     */
    public static final int IMPORT_CELL = MESSAGE_BODY;

    /**
     * The largest .xlsx file an import reads, in bytes: {@value} (32 MiB). A zip archive keeps its table of
     * contents at its end, so the file is held in memory while it is read; a larger one is refused.
     */
    public static final int IMPORT_XLSX_BYTES = 32 * 1024 * 1024;

    /** The most parts (zip entries) an imported .xlsx may have: {@value}; Excel writes about a dozen. */
    public static final int IMPORT_XLSX_PARTS = 1_000;

    /**
     * The most bytes the parts of an imported .xlsx may expand to, all together: {@value} (256 MiB); a file
     * whose parts expand further (a zip bomb) is refused before any row is imported.
     */
    public static final long IMPORT_XLSX_EXPANDED = 256L * 1024 * 1024;

    /**
     * The most a part of an imported .xlsx may expand, as uncompressed to compressed bytes, once past its first
     * MiB: {@value} times (spreadsheet XML compresses about 10 to 20 times); a part that expands more (a zip
     * bomb) is refused.
     */
    public static final int IMPORT_XLSX_RATIO = 100;

    /**
     * The last column of a spreadsheet, as Excel has it: {@value} (column XFD). An .xlsx row with a cell past it
     * is not a spreadsheet Excel can open, and its file is refused before any row is imported.
     */
    public static final int XLSX_COLUMNS = 16_384;

    // ---- backups (IO-6) ----

    /**
     * The largest backup archive a restore reads, in bytes: {@value} (4 GiB), room for about a million
     * contacts and deals with their events. A larger one is refused as soon as the bound is passed, and
     * nothing is restored.
     */
    public static final long BACKUP_BYTES = 4L << 30;

    /**
     * The deepest a backup archive may nest objects and arrays: {@value}. The deepest record (a pipeline's
     * stage requirement, a multi-list custom-field value) needs fewer than ten levels with the archive's own.
     */
    public static final int BACKUP_DEPTH = 16;

    /**
     * The longest string in a backup archive, in UTF-16 units: {@value}, twice the longest text a record
     * holds ({@link #MESSAGE_BODY} code points, each at most two units).
     */
    public static final int BACKUP_STRING = 2 * MESSAGE_BODY;

    /**
     * The longest number in a backup archive, in characters: {@value}; the longest number a record holds (an
     * amount of {@link #AMOUNT_INTEGER_DIGITS} digits and {@link #AMOUNT_SCALE} decimals, a sequence number)
     * has about twenty.
     */
    public static final int BACKUP_NUMBER = 64;

    /**
     * The longest property name in a backup archive, in characters: {@value}; the longest the archive writes
     * are custom-field ids (36) and record components (about 20).
     */
    public static final int BACKUP_NAME = 255;

    // ---- checks that are not about text ----

    /**
     * The number of digits before the decimal point of a value, trailing zeros ignored: 5 for
     * {@code 15000.00}, 0 for {@code 0.5} and for zero, 1000000000 for {@code 1E+999999999}. It never
     * expands the value, so it is cheap for any exponent.
     *
     * @param value the value
     * @return the digits before the decimal point, at least 0
     */
    public static long integerDigits(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() == 0) {
            return 0;
        }
        return Math.max(0, (long) value.precision() - value.scale());
    }

    /**
     * Whether a value has at most {@code scale} decimals once trailing zeros are ignored
     * ({@code 10.500} has one). It never expands the value, so it is cheap for any exponent.
     *
     * @param value the value
     * @param scale the most decimals allowed, at least 0
     * @return true when the value can be written with at most {@code scale} decimals exactly
     */
    public static boolean hasAtMostDecimals(BigDecimal value, int scale) {
        Objects.requireNonNull(value, "value");
        if (scale < 0) {
            throw new IllegalArgumentException("scale must not be negative, was " + scale);
        }
        if (value.signum() == 0 || value.scale() <= scale) {
            return true;
        }
        long excess = (long) value.scale() - scale;
        BigInteger unscaled = value.unscaledValue().abs();
        // 10^excess divides the unscaled value only if 2^excess does; this check keeps TEN.pow small.
        if (excess > unscaled.getLowestSetBit()) {
            return false;
        }
        return unscaled.mod(BigInteger.TEN.pow((int) excess)).signum() == 0;
    }

    /**
     * Whether a date is within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}.
     *
     * @param date the date
     * @return true when every adapter stores it
     */
    public static boolean isStorable(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /**
     * Whether an instant is within {@link #EARLIEST_INSTANT} and {@link #LATEST_INSTANT}.
     *
     * @param instant the instant
     * @return true when every adapter stores it
     */
    public static boolean isStorable(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }
}
