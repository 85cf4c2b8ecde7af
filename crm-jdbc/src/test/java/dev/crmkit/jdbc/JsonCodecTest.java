package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.StorageException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.user.User;
import dev.crmkit.tck.TestData;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code data} column's reader takes what the writer writes, and refuses (with a StorageException, at
 * once) a stored value the model's bounds refuse, however it got into the row: a budget of 1,001 digits or
 * of 10^999999999 cannot make a deal unreadable or exhaust memory.
 */
@DisplayName("PostgreSQL adapter: the JSON of the data column")
class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec();
    private final TestData data = new TestData();
    private final User owner = data.aUser("Olga Owner");
    private final Pipeline sales = data.aPipeline("Sales", 0);

    @Test
    @DisplayName("a deal and a contact with phones and e-mails read back equal to what was written")
    void roundTrip() {
        Deal deal = data.aDeal("Chairs", sales, owner.id(), "1500.50");
        Contact ivan = data.aContact("Ivan", "Petrov", owner.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("+7 (901) 776-34-34")))
                .emails(List.of(ContactEmail.work("Ivan@Client.test"))).build();

        assertThat(codec.<Deal>read(codec.write(deal), JsonCodec.type(Deal.class))).isEqualTo(deal);
        assertThat(codec.<Contact>read(codec.write(ivan), JsonCodec.type(Contact.class))).isEqualTo(ivan);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a budget of 1,001 digits      | "amount":1500.50 | "amount":%s
            a budget of 10^999999999      | "amount":1500.50 | "amount":1e999999999
            a budget of 10^-999999999     | "amount":1500.50 | "amount":1e-999999999
            an unknown currency           | "currency":"RUB" | "currency":"QQQ"
            """)
    @DisplayName("a stored deal whose budget the model refuses is a StorageException, not an unreadable row")
    void refusedBudget(String what, String written, String stored) {
        String json = codec.write(data.aDeal("Chairs", sales, owner.id(), "1500.50"));
        assertThat(json).as("the writer's form").contains(written);
        String tampered = json.replace(written, stored.formatted("9".repeat(1001)));

        assertThatThrownBy(() -> codec.read(tampered, JsonCodec.type(Deal.class))).as(what)
                .isInstanceOf(StorageException.class).hasMessageContaining("Deal")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a phone of 16 digits       | +7 (901) 776-34-34 | 1234567890123456
            a phone of letters         | +7 (901) 776-34-34 | call me
            an e-mail without a domain | Ivan@Client.test   | ivan@
            """)
    @DisplayName("a stored contact whose phone or e-mail the parsers refuse is a StorageException")
    void refusedContactValues(String what, String written, String stored) {
        Contact ivan = data.aContact("Ivan", "Petrov", owner.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("+7 (901) 776-34-34")))
                .emails(List.of(ContactEmail.work("Ivan@Client.test"))).build();
        String json = codec.write(ivan);
        assertThat(json).as("the writer's form").contains("\"" + written + "\"");
        String tampered = json.replace("\"" + written + "\"", "\"" + stored + "\"");

        assertThatThrownBy(() -> codec.read(tampered, JsonCodec.type(Contact.class))).as(what)
                .isInstanceOf(StorageException.class).hasMessageContaining("Contact");
    }
}
