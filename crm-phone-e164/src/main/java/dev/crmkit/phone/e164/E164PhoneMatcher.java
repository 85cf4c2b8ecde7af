package dev.crmkit.phone.e164;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.Locale;
import java.util.Objects;

/**
 * Region-aware phone matching: numbers are compared in their E.164 form, read with a default region for
 * numbers written without a country code, so {@code +49 30 123456} and {@code 030 123456} (in Germany)
 * are one number, which comparing the last ten digits (CON-4) cannot see. A number libphonenumber cannot
 * read as a possible number falls back to its last ten digits.
 *
 * <pre>{@code
 * Policy policy = Policy.builder(Policies.amoCrm()).phoneMatcher(E164PhoneMatcher.forRegion("DE")).build();
 * }</pre>
 *
 * <p>Limit: storage lookups find candidates by the last seven digits, so two spellings of a number whose
 * national significant number has fewer than seven digits may not be found as duplicates. Thread-safe.
 */
public final class E164PhoneMatcher implements PhoneMatcher {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String region;

    private E164PhoneMatcher(String region) {
        this.region = region;
    }

    /**
     * A matcher reading numbers without a country code as numbers of a region.
     *
     * @param region an ISO 3166-1 alpha-2 region code such as {@code RU} or {@code DE}
     * @return the matcher
     * @throws IllegalArgumentException for a region libphonenumber does not know
     */
    public static E164PhoneMatcher forRegion(String region) {
        String code = Objects.requireNonNull(region, "region").toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("unknown phone region " + region);
        }
        return new E164PhoneMatcher(code);
    }

    /**
     * The number in E.164 form, if libphonenumber reads it as a possible number.
     *
     * @param number the number
     * @return such as {@code +4930123456}, or null
     */
    public String e164(PhoneNumber number) {
        String raw = number.raw().strip();
        String text = raw.startsWith("+") || raw.startsWith("\uFF0B") ? "+" + number.digits() : number.digits();
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(text, region);
            return UTIL.isPossibleNumber(parsed) ? UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    @Override
    public String key(PhoneNumber number) {
        String e164 = e164(number);
        return e164 != null ? e164 : number.matchKey();
    }

    @Override
    public String toString() {
        return "E164PhoneMatcher[" + region + "]";
    }
}
