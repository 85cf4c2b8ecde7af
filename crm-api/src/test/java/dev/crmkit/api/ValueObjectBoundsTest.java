package dev.crmkit.api;

import static dev.crmkit.api.TextTest.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Names;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.money.Percent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Bounds and text rules of the value objects")
class ValueObjectBoundsTest {

    private static final String MB = "x".repeat(1_000_000);

    /** The violation a factory throws; every message in it is short, whatever the input. */
    static ValidationException violation(Supplier<?> factory) {
        return Refusals.refused(factory::get);
    }

    private static List<String> paths(ValidationException e) {
        return e.violations().stream().map(v -> v.code() + "@" + v.path()).collect(Collectors.toList());
    }

    private static Stage stage(String name) {
        return new Stage(new StageId(UUID.randomUUID()), name, StageKind.OPEN, Percent.of(10));
    }

    @Nested
    @DisplayName("PersonName")
    class PersonNames {

        @ParameterizedTest(name = "''{0}'' is name.blank")
        @ValueSource(strings = {"<U+00A0>", "<U+200B>", "<U+2060><U+FEFF>", "<U+3164>", "<U+00A0><U+200B><U+2007>",
                "<U+200C><U+200D>", "<U+115F><U+1160>", "<U+FE0F>", "<U+2800>"})
        @DisplayName("a name of only invisible characters is blank")
        void invisible(String s) {
            String blank = unescape(s);
            assertThat(violation(() -> PersonName.of(blank, blank)).codes()).containsExactly("name.blank");
            assertThat(PersonName.of("Ivan", blank).full()).isEqualTo("Ivan");
            assertThat(PersonName.of("Ivan", blank).last()).isEmpty();
        }

        @Test
        @DisplayName("every part is checked and every problem reported at once, by part")
        void parts() {
            ValidationException e = violation(() -> PersonName.of("x".repeat(101), "Iv\u0000an", "Pe\ntrov"));
            assertThat(paths(e)).containsExactly("text.too_long@first", "text.control_character@middle",
                    "text.line_break@last");
            assertThat(PersonName.of("x".repeat(100), "Petrov").first()).contains("x".repeat(100));
            assertThat(violation(() -> PersonName.single("Iv\uD800an")).codes()).containsExactly("text.unpaired_surrogate");
            assertThat(violation(() -> PersonName.single(MB)).codes()).containsExactly("text.too_long");
            assertThat(paths(violation(() -> PersonName.of("Ivan", "\u0000"))))
                    .as("a control character is an error, not an absent part").containsExactly("text.control_character@last");
            assertThat(paths(violation(() -> PersonName.of("\uD800", "\u0000"))))
                    .containsExactly("text.unpaired_surrogate@first", "text.control_character@last", "name.blank@");
        }

        @Test
        @DisplayName("NFC and trimming: two spellings of one name are one name")
        void nfc() {
            assertThat(PersonName.of("Rene\u0301e", "\u00A0Dupont\u200B")).isEqualTo(PersonName.of("Renée", "Dupont"));
            assertThat(PersonName.of("Rene\u0301e", "Dupont").first()).contains("Renée");
        }

        @Test
        @DisplayName("null parts are programming errors naming the part")
        void nulls() {
            assertThatThrownBy(() -> new PersonName(null, Optional.empty(), Optional.empty()))
                    .isInstanceOf(NullPointerException.class).hasMessage("first");
        }
    }

    @Test
    @DisplayName("name match keys ignore invisible characters, so they cannot hide a duplicate")
    void matchKeys() {
        String key = Names.matchKey("Ivan Petrov");
        assertThat(Names.matchKey("Iv\u200Ban\u00A0\u00A0Petrov\uFEFF")).isEqualTo(key);
        assertThat(Names.matchKey("IVAN\u2060 PET\u00ADROV")).isEqualTo(key);
        assertThat(Names.matchKey("Пётр Иванов")).isEqualTo(Names.matchKey("петр  иванов"));
        assertThat(Names.matchKey("Rene\u0301e")).isEqualTo(Names.matchKey("RENÉE"));
        assertThat(Names.matchKey("\u200B\u3164")).isEmpty();
    }

    @Test
    @DisplayName("Address parts are normalized and bounded; the postal code is a code")
    void address() {
        Address a = new Address(" Tverskaya\u00A01 ", "Mosco\u0301w", "\u200B", "125009", "RU");
        assertThat(a.street()).isEqualTo("Tverskaya\u00A01");
        assertThat(a.city()).isEqualTo("Mosców");
        assertThat(a.region()).isEmpty();
        ValidationException e = violation(() -> new Address("x".repeat(256), "Mos\u0000cow", "a\nb", "125\u200B009",
                MB));
        assertThat(paths(e)).containsExactly("text.too_long@street", "text.control_character@city",
                "text.line_break@region", "text.format_character@postalCode", "text.too_long@country");
        assertThat(new Address("x".repeat(255), "", "", "x".repeat(20), "").street()).hasSize(255);
        assertThat(violation(() -> new Address("", "", "", "x".repeat(21), "")).codes()).containsExactly("text.too_long");
        assertThatThrownBy(() -> new Address(null, "", "", "", "")).isInstanceOf(NullPointerException.class)
                .hasMessage("street");
    }

    @ParameterizedTest(name = "stage ''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {"<U+200B>|stage.name.blank", "<U+00A0><U+3164>|stage.name.blank",
            "Ta<U+0000>lks|text.control_character", "Ta<U+000A>lks|text.line_break", "Ta<U+DC00>lks|text.unpaired_surrogate",
            "<U+0000>|stage.name.blank,text.control_character"})
    @DisplayName("a stage name is normalized, visible, one line and bounded")
    void stageName(String name, String code) {
        assertThat(violation(() -> stage(unescape(name))).codes()).containsExactly(code.split(","));
    }

    @Test
    @DisplayName("a stage name of 255 code points is fine, 256 are too many, and the name is kept normalized")
    void stageLength() {
        assertThat(stage("😀".repeat(255)).name()).hasSize(510);
        assertThat(violation(() -> stage("x".repeat(256))).codes()).containsExactly("text.too_long");
        assertThat(violation(() -> stage(MB)).codes()).containsExactly("text.too_long");
        assertThat(stage("\u00A0Nego\u0301tiation\u200B").name()).isEqualTo("Negótiation");
    }

    @Nested
    @DisplayName("ProductLine")
    class ProductLines {

        private final Money price = Money.of("100", "RUB");

        @ParameterizedTest(name = "''{0}'' × {1} → {2}")
        @CsvSource(delimiter = '|', textBlock = """
            <U+200B>         | 1             | product.name.blank
            <U+00A0><U+2060> | 1             | product.name.blank
            Wid<U+0000>get   | 1             | text.control_character
            Widget           | 1E+999999999  | product.quantity.too_large
            Widget           | 1E-999999999  | product.quantity.scale
            Widget           | -1E+999999999 | product.quantity.positive,product.quantity.too_large
            Widget           | 0             | product.quantity.positive
            Widget           | 1000000000    | product.quantity.too_large
            Widget           | 0.00001       | product.quantity.scale
            <U+200B>         | 0             | product.name.blank,product.quantity.positive
            <U+0000>         | 1             | product.name.blank,text.control_character
            """)
        @DisplayName("the name follows the text rules and the quantity its bounds, all checked before any arithmetic")
        void refused(String product, String quantity, String codes) {
            assertThat(violation(() -> new ProductLine(unescape(product), new BigDecimal(quantity), price)).codes())
                    .containsExactly(codes.split(","));
        }

        @Test
        @DisplayName("a line whose total no amount can hold is refused, so total() never fails")
        void total() {
            Money dear = Money.of("999999999999999", "RUB");
            assertThat(violation(() -> new ProductLine("Widget", new BigDecimal("999999999"), dear)).codes())
                    .containsExactly("product.total.too_large");
            ProductLine line = new ProductLine(" Cafe\u0301\u00A0", new BigDecimal("2.5000"), price);
            assertThat(line.product()).isEqualTo("Café");
            assertThat(line.quantity()).isEqualTo(new BigDecimal("2.5"));
            assertThat(line).isEqualTo(new ProductLine("Café", new BigDecimal("2.50"), price));
            assertThat(line.total()).isEqualTo(Money.of("250", "RUB"));
            assertThat(new ProductLine("Widget", new BigDecimal("1E+2"), price).quantity()).isEqualTo(new BigDecimal("100"));
            assertThat(violation(() -> new ProductLine(MB, BigDecimal.ONE, price)).codes()).containsExactly("text.too_long");
        }
    }

    @Test
    @DisplayName("UTM values are codes: normalized, blank dropped, no invisible characters, bounded")
    void utm() {
        Utm utm = new Utm(Optional.of(" google\u00A0"), Optional.of("\u200B"), Optional.of("spring sale"),
                Optional.empty(), Optional.empty(), Optional.of("GA1.2.3"));
        assertThat(utm.source()).contains("google");
        assertThat(utm.medium()).isEmpty();
        assertThat(utm.campaign()).contains("spring sale");
        ValidationException e = violation(() -> new Utm(Optional.of("goo\u200Bgle"), Optional.of("c\u0000pc"),
                Optional.of("x".repeat(256)), Optional.of("a\nb"), Optional.of("\uD800"), Optional.of(MB)));
        assertThat(paths(e)).containsExactly("text.format_character@source", "text.control_character@medium",
                "text.too_long@campaign", "text.line_break@content", "text.unpaired_surrogate@term",
                "text.too_long@analyticsClientId");
        assertThat(new Utm(Optional.of("\u200B"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).isEmpty()).isTrue();
    }

    @Nested
    @DisplayName("FieldValue")
    class FieldValues {

        @ParameterizedTest(name = "text ''{0}'' → {1}")
        @CsvSource(delimiter = '|', value = {"<U+200B><U+00A0>|field.text.blank", "a<U+0000>b|text.control_character",
                "<U+0000>|field.text.blank,text.control_character",
                "a<U+D800>b|text.unpaired_surrogate", "a<U+001B>b|text.control_character"})
        @DisplayName("text values follow the multi-line text rules")
        void textRefused(String value, String code) {
            assertThat(violation(() -> new FieldValue.Text(unescape(value))).codes()).containsExactly(code.split(","));
        }

        @Test
        @DisplayName("text values are normalized, may span lines and hold at most 10,000 code points")
        void text() {
            assertThat(new FieldValue.Text(" from the\n\tfair\u200B ").value()).isEqualTo("from the\n\tfair");
            assertThat(new FieldValue.Text("Rene\u0301e")).isEqualTo(new FieldValue.Text("Renée"));
            assertThat(new FieldValue.Text("x".repeat(Limits.TEXT_FIELD)).value()).hasSize(Limits.TEXT_FIELD);
            assertThat(violation(() -> new FieldValue.Text(MB)).codes()).containsExactly("text.too_long");
        }

        @ParameterizedTest(name = "number {0} → {1}")
        @CsvSource(delimiter = '|', value = {"1E+999999999|field.number.too_large", "1E-999999999|field.number.scale",
                "1000000000000000|field.number.too_large", "0.0000001|field.number.scale"})
        @DisplayName("numbers are bounded before any rescaling")
        void numberRefused(String value, String code) {
            assertThat(violation(() -> new FieldValue.Number(new BigDecimal(value))).codes()).containsExactly(code);
        }

        @Test
        @DisplayName("numbers are kept without trailing zeros or exponent, so a plain JSON round trip gives an equal value")
        void number() {
            assertThat(new FieldValue.Number(new BigDecimal("1E+2")).value().scale()).isZero();
            assertThat(new FieldValue.Number(new BigDecimal("1E+2")))
                    .isEqualTo(new FieldValue.Number(new BigDecimal(new BigDecimal("1E+2").toPlainString())));
            assertThat(new FieldValue.Number(new BigDecimal("1.500000"))).isEqualTo(new FieldValue.Number(new BigDecimal("1.5")));
            assertThat(new FieldValue.Number(new BigDecimal("-999999999999999.999999")).value())
                    .isEqualTo(new BigDecimal("-999999999999999.999999"));
        }

        @Test
        @DisplayName("dates and times lie between 1900 and 9999")
        void dates() {
            assertThat(new FieldValue.Date(Limits.EARLIEST_DATE).value()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(new FieldValue.Date(Limits.LATEST_DATE).value()).isEqualTo(LocalDate.of(9999, 12, 31));
            assertThat(violation(() -> new FieldValue.Date(LocalDate.of(1899, 12, 31))).codes()).containsExactly("date.range");
            assertThat(violation(() -> new FieldValue.Date(LocalDate.MAX)).violations().get(0).messageEn())
                    .isEqualTo("The date +999999999-12-31 is outside the range from 1900-01-01 to 9999-12-31.");
            assertThat(violation(() -> new FieldValue.DateTime(Instant.MAX)).codes()).containsExactly("datetime.range");
            assertThat(violation(() -> new FieldValue.DateTime(Instant.parse("1899-12-31T23:59:59Z"))).codes())
                    .containsExactly("datetime.range");
            assertThat(new FieldValue.DateTime(Limits.LATEST_INSTANT).value()).isEqualTo(Limits.LATEST_INSTANT);
        }

        @Test
        @DisplayName("option keys are codes; at most 100 of them in a multi-list value")
        void choices() {
            assertThat(new FieldValue.Choice(" gold\u00A0").option()).isEqualTo("gold");
            assertThat(violation(() -> new FieldValue.Choice("\u200B")).codes()).containsExactly("field.choice.blank");
            assertThat(violation(() -> new FieldValue.Choice("go\u200Bld")).codes()).containsExactly("text.format_character");
            assertThat(violation(() -> new FieldValue.Choice(MB)).codes()).containsExactly("text.too_long");
            Set<String> options = new LinkedHashSet<>(List.of("b", " a", "a", "c"));
            assertThat(new FieldValue.Choices(options).options()).containsExactly("b", "a", "c");
            ValidationException e = violation(() -> new FieldValue.Choices(new LinkedHashSet<>(List.of("ok", "\u200B", "x\u0000"))));
            assertThat(paths(e)).containsExactly("field.choice.blank@options[1]", "text.control_character@options[2]");
            Set<String> many = IntStream.rangeClosed(0, Limits.CHOICES).mapToObj(i -> "o" + i).collect(Collectors.toSet());
            assertThat(violation(() -> new FieldValue.Choices(many)).codes()).containsExactly("field.choices.too_many");
        }

        @Test
        @DisplayName("URLs are bounded and have no invisible characters")
        void urls() {
            assertThat(new FieldValue.Url(URI.create("https://hooves.example/a")).value().getHost()).isEqualTo("hooves.example");
            assertThat(violation(() -> new FieldValue.Url(URI.create("https://hoo\u200Bves.example/"))).codes())
                    .containsExactly("text.format_character");
            assertThat(violation(() -> new FieldValue.Url(URI.create("https://hooves.example/" + "a".repeat(Limits.URL)))).codes())
                    .containsExactly("text.too_long");
        }
    }

    @Test
    @DisplayName("a record holds at most 200 custom-field values")
    void customFields() {
        Map<CustomFieldId, FieldValue> values = new HashMap<>();
        for (int i = 0; i < Limits.CUSTOM_FIELDS; i++) {
            values.put(new CustomFieldId(UUID.randomUUID()), new FieldValue.Flag(true));
        }
        CustomFieldValues full = new CustomFieldValues(values);
        assertThat(full.values()).hasSize(Limits.CUSTOM_FIELDS);
        assertThat(violation(() -> full.with(new CustomFieldId(UUID.randomUUID()), new FieldValue.Flag(false))).codes())
                .containsExactly("field.values.too_many");
        CustomFieldId existing = values.keySet().iterator().next();
        assertThat(full.with(existing, new FieldValue.Flag(false)).values()).hasSize(Limits.CUSTOM_FIELDS);
    }
}
