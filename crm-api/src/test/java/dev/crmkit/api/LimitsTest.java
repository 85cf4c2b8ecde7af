package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.query.PageRequest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The table of bounds")
class LimitsTest {

    private static List<Field> constants(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : Limits.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == type) {
                fields.add(f);
            }
        }
        return fields;
    }

    @Test
    @DisplayName("every int bound is positive")
    void positive() throws IllegalAccessException {
        List<Field> ints = constants(int.class);
        assertThat(ints).hasSizeGreaterThan(40);
        for (Field f : ints) {
            assertThat(f.getInt(null)).as(f.getName()).isPositive();
        }
    }

    @Test
    @DisplayName("the date and instant ranges are ordered and agree with each other")
    void ranges() {
        assertThat(Limits.EARLIEST_DATE).isBefore(Limits.LATEST_DATE);
        assertThat(Limits.EARLIEST_INSTANT).isBefore(Limits.LATEST_INSTANT);
        assertThat(Limits.EARLIEST_INSTANT.atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(Limits.EARLIEST_DATE);
        assertThat(Limits.LATEST_INSTANT.atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(Limits.LATEST_DATE);
        assertThat(Limits.LATEST_INSTANT.getNano() % 1000).as("microseconds, as timestamptz keeps").isZero();
        assertThat(Limits.isStorable(Limits.EARLIEST_DATE)).isTrue();
        assertThat(Limits.isStorable(Limits.LATEST_DATE)).isTrue();
        assertThat(Limits.isStorable(Limits.EARLIEST_DATE.minusDays(1))).isFalse();
        assertThat(Limits.isStorable(LocalDate.MAX)).isFalse();
        assertThat(Limits.isStorable(Limits.LATEST_INSTANT)).isTrue();
        assertThat(Limits.isStorable(Limits.LATEST_INSTANT.plusNanos(1))).isFalse();
        assertThat(Limits.isStorable(Limits.EARLIEST_INSTANT.minusNanos(1))).isFalse();
    }

    @Test
    @DisplayName("related bounds are consistent: inputs hold what they bound, parts fit their wholes")
    void consistent() {
        assertThat(Limits.EMAIL_LOCAL_PART).isLessThan(Limits.EMAIL_LENGTH);
        assertThat(Limits.EMAIL_DOMAIN).isLessThan(Limits.EMAIL_LENGTH);
        assertThat(Limits.EMAIL_LENGTH).isLessThanOrEqualTo(Limits.EMAIL_INPUT);
        assertThat(2 * Limits.PHONE_DIGITS + " ext. ".length() + Limits.PHONE_EXTENSION_DIGITS)
                .isLessThanOrEqualTo(Limits.PHONE_INPUT);
        assertThat(Limits.AMOUNT_INTEGER_DIGITS + 1 + Limits.AMOUNT_SCALE + 2).isLessThanOrEqualTo(Limits.AMOUNT_INPUT);
        assertThat(Limits.AMOUNT_INTEGER_DIGITS + Limits.AMOUNT_SCALE).as("exact in every store").isLessThanOrEqualTo(38);
        assertThat(Limits.EXCERPT).isLessThan(Limits.PERSON_NAME_PART);
        assertThat(Limits.PERSON_NAME_PART).isLessThanOrEqualTo(Limits.NAME);
        assertThat(Limits.COMMENT).isLessThanOrEqualTo(Limits.MESSAGE_BODY);
        assertThat(PageRequest.MAX_SIZE).isEqualTo(Limits.PAGE_SIZE);
    }

    @ParameterizedTest(name = "{0} has {1} integer digits")
    @CsvSource({"15000.00,5", "0.5,0", "0,0", "0E+999999999,0", "-123.4,3", "1E+14,15", "1E+999999999,1000000000",
            "1E-999999999,0", "999999999999999.9999,15"})
    @DisplayName("integer digits are counted without expanding the value")
    void integerDigits(String value, long digits) {
        assertThat(Limits.integerDigits(new BigDecimal(value))).isEqualTo(digits);
    }

    @ParameterizedTest(name = "{0} has at most {1} decimals: {2}")
    @CsvSource({"10.500,1,true", "10.005,2,false", "1E-999999999,4,false", "1E+5,0,true", "0E-999999999,0,true",
            "-0.0001,4,true", "-0.00001,4,false", "1.000000000000000000000000000000000000000000,0,true"})
    @DisplayName("decimals are counted without trailing zeros and without expanding the value")
    void decimals(String value, int scale, boolean fits) {
        assertThat(Limits.hasAtMostDecimals(new BigDecimal(value), scale)).isEqualTo(fits);
    }
}
