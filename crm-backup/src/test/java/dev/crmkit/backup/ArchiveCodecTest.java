package dev.crmkit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.api.user.UserRight;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("How records are written into an archive and read back")
class ArchiveCodecTest {

    private static final ArchiveCodec CODEC = ArchiveCodec.INSTANCE;
    private static final Instant T = Instant.parse("2026-11-02T09:00:00.123456Z");
    private static final UserId ANNA = new UserId(UUID.fromString("01a19b7c-a680-7000-b0d8-d2df4c287917"));

    private static String write(JavaType type, Object value) throws IOException {
        return CODEC.writer(type).writeValueAsString(value);
    }

    private static Object read(JavaType type, String json) throws IOException {
        return CODEC.reader(type).readValue(json);
    }

    private static <T> T roundTrip(Class<T> type, T value) throws IOException {
        JavaType t = ArchiveCodec.type(type);
        Object back = read(t, write(t, value));
        assertThat(back).isEqualTo(value);
        assertThat(back).usingRecursiveComparison().isEqualTo(value);
        return type.cast(back);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("records come back equal field by field: phones and e-mails as given, scales, instants to the microsecond")
    void records() throws IOException {
        User user = User.builder().id(ANNA).version(7).created(T).updated(T.plusSeconds(5)).name("Anna Admin")
                .email(Email.parse("Anna.Admin@CRMkit.test")).role(Role.ADMIN).active(true)
                .timeZone(ZoneId.of("Europe/Moscow")).locale(Locale.forLanguageTag("ru-RU"))
                .rights(Set.of(UserRight.EXPORT)).build();
        roundTrip(User.class, user);
        Map<CustomFieldId, FieldValue> values = new LinkedHashMap<>();
        values.put(new CustomFieldId(UUID.randomUUID()), new FieldValue.Text("Moscow"));
        values.put(new CustomFieldId(UUID.randomUUID()), new FieldValue.Number(new BigDecimal("12.500")));
        values.put(new CustomFieldId(UUID.randomUUID()), new FieldValue.Choices(new LinkedHashSet<>(List.of("red", "blue"))));
        values.put(new CustomFieldId(UUID.randomUUID()), new FieldValue.Phone(PhoneNumber.parse("8 (903) 123-45-67")));
        values.put(new CustomFieldId(UUID.randomUUID()), new FieldValue.DateTime(T));
        Contact contact = Contact.builder().id(new ContactId(UUID.randomUUID())).version(3).created(T).updated(T)
                .name(PersonName.of("Ivan", "Sergeevich", "Petrov")).birthDate(LocalDate.of(1990, 5, 17))
                .phones(List.of(ContactPhone.mobile("+7 901 776-34-34 ext. 12"), ContactPhone.work("8 495 123 45 67")))
                .emails(List.of(ContactEmail.personal("Ivan.Petrov@Mail.test"))).tags(new LinkedHashSet<>(List.of("vip", "fair")))
                .responsible(ANNA).currency(java.util.Currency.getInstance("RUB")).photo(URI.create("https://x.test/p.png"))
                .address(new Address("Tverskaya 1", "Moscow", "", "125009", "RU")).description("Line one\nline two")
                .access(AccessLevel.PRIVATE).managers(Set.of(ANNA)).customFields(new CustomFieldValues(values)).build();
        Contact back = roundTrip(Contact.class, contact);
        assertThat(back.phones().get(0).number().raw()).isEqualTo("+7 901 776-34-34 ext. 12");
        assertThat(back.emails().get(0).email().value()).isEqualTo("Ivan.Petrov@Mail.test");
        Deal deal = Deal.builder().id(new DealId(UUID.randomUUID())).version(12).created(T).updated(T)
                .name("Chairs").pipeline(new PipelineId(UUID.randomUUID())).stage(new StageId(UUID.randomUUID()))
                .stageEntered(T).responsible(ANNA).budget(Budget.fixed(Money.of("15000.00", "RUB")))
                .products(List.of(new ProductLine("Chair", new BigDecimal("2.5"), Money.of("1500.10", "RUB"))))
                .closed(T).build();
        assertThat(roundTrip(Deal.class, deal).budget().orElseThrow().amount().amount()).hasToString("15000.00");
        ListItem<TaskTypeId> visit = new ListItem<>(new TaskTypeId(UUID.randomUUID()), 2, T, T, "Visit", 3);
        JavaType items = ArchiveCodec.type(ListItem.class, TaskTypeId.class);
        assertThat(read(items, write(items, visit))).isEqualTo(visit);
        Event event = new Event(41, T, Optional.empty(), new RecordRef(EntityType.DEAL, deal.id().value()), "Chairs",
                EventKind.STAGE_CHANGED, Optional.of("stage"), Optional.of("First"), Optional.empty());
        roundTrip(Event.class, event);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("the closed families name their member, with names fixed by the archive format")
    void names() throws IOException {
        JavaType value = ArchiveCodec.type(FieldValue.class);
        List<FieldValue> all = List.of(new FieldValue.Text("a"), new FieldValue.Number(BigDecimal.ONE),
                new FieldValue.Amount(Money.of("1.00", "RUB")), new FieldValue.Date(LocalDate.of(2026, 1, 2)),
                new FieldValue.DateTime(T), new FieldValue.Flag(true), new FieldValue.Choice("red"),
                new FieldValue.Choices(Set.of("red")), new FieldValue.Url(URI.create("https://x.test/")),
                new FieldValue.Phone(PhoneNumber.parse("+7 901 776-34-34")), new FieldValue.Mail(Email.parse("a@b.test")));
        assertThat(all.stream().map(v -> v.getClass().getName()))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(FieldValue.class.getPermittedSubclasses())
                        .map(Class::getName).toList());
        List<String> names = new java.util.ArrayList<>();
        for (FieldValue v : all) {
            String json = write(value, v);
            names.add(json.substring("{\"type\":\"".length(), json.indexOf('"', "{\"type\":\"".length())));
            assertThat(read(value, json)).isEqualTo(v);
        }
        // The names of crm-jdbc's stored values too; a renamed class must not rename them.
        assertThat(names).containsExactly("text", "number", "amount", "date", "dateTime", "flag", "choice", "choices",
                "url", "phone", "mail");

        JavaType entry = ArchiveCodec.type(TimelineEntry.class);
        RecordRef owner = new RecordRef(EntityType.DEAL, UUID.randomUUID());
        Comment comment = Comment.builder().id(new TimelineEntryId(UUID.randomUUID())).created(T).updated(T).owner(owner)
                .author(ANNA).at(T).text("Hello").build();
        Call call = Call.builder().id(new TimelineEntryId(UUID.randomUUID())).created(T).updated(T).owner(owner)
                .author(ANNA).at(T).direction(Direction.INBOUND).fromNumber("+79017763434").toNumber("+74951234567")
                .duration(Duration.ofSeconds(95)).answered(true).integration("telphin").callId("c-1").build();
        Message message = Message.builder().id(new TimelineEntryId(UUID.randomUUID())).created(T).updated(T)
                .owner(owner).author(ANNA).at(T).channel(Channel.EMAIL).direction(Direction.OUTBOUND).from("a@x.test")
                .to("b@y.test").subject("Offer").body("Text").build();
        for (TimelineEntry e : List.of(comment, call, message)) {
            String json = write(entry, e);
            assertThat(json).startsWith("{\"kind\":\"" + e.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "\"");
            assertThat(read(entry, json)).isEqualTo(e);
        }
        assertThatThrownBy(() -> read(entry, write(entry, comment).replace("\"kind\":\"comment\"",
                "\"kind\":\"java.lang.ProcessBuilder\""))).as("no class names").isInstanceOf(IOException.class);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("reading is strict: unknown, repeated or missing properties, numbers for enums and coerced scalars are refused")
    void strict() throws IOException {
        JavaType events = ArchiveCodec.type(Event.class);
        Event event = new Event(1, T, Optional.of(ANNA), new RecordRef(EntityType.DEAL, UUID.randomUUID()), "Chairs",
                EventKind.CREATED, Optional.empty(), Optional.empty(), Optional.empty());
        String json = write(events, event);
        assertThat(read(events, json)).isEqualTo(event);
        for (String bad : List.of(json.replace("{\"sequence\":1,", "{\"sequence\":1,\"extra\":2,"),
                json.replace("{\"sequence\":1,", "{\"sequence\":1,\"sequence\":2,"),
                json.replace("{\"sequence\":1,", "{"),
                json.replace("\"kind\":\"CREATED\"", "\"kind\":0"),
                json.replace("{\"sequence\":1,", "{\"sequence\":\"1\","),
                json.replace("{\"sequence\":1,", "{\"sequence\":1.5,"))) {
            assertThatThrownBy(() -> read(events, bad)).as(bad).isInstanceOf(IOException.class);
        }
    }
}
