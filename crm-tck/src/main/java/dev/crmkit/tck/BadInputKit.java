package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.user.UserForm;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad values in records (issue 9): texts over their bounds on create and on edit, control characters,
 * broken and invisible characters, money, phones, e-mails, dates and collections beyond the limits. Every
 * case names what is bad and expects its exception type and codes; it must store nothing and write no
 * event, and no message may quote unbounded input. The cases run identically on every adapter: crm-core
 * refuses what any adapter could not store.
 */
abstract class BadInputKit extends BadInputBase {

    static Stream<Case> cases() {
        return Stream.of(textBounds(), characters(), moneyPhonesAndMail(), datesAndCollections()).flatMap(s -> s);
    }

    static Stream<Case> textBounds() {
        return Stream.of(
                invalid("deal name of 256 code points on create", "text.too_long", k -> k.newDeal(d -> d.name(S256))),
                invalid("deal name of 256 emoji on create", "text.too_long", k -> k.newDeal(d -> d.name(EMOJI_256))),
                invalid("deal name of 256 code points through update", "text.too_long",
                        k -> k.editDeal(d -> d.name(S256))),
                invalid("deal name of 256 emoji through update", "text.too_long", k -> k.editDeal(d -> d.name(EMOJI_256))),
                invalid("deal name of 1 MB", "text.too_long", k -> k.newDeal(d -> d.name(MB))),
                invalid("company name of 256 code points on create", "text.too_long",
                        k -> () -> k.anna.companies().create(CompanyForm.named(S256))),
                invalid("company name of 256 code points through update", "text.too_long",
                        k -> k.editCompany(c -> c.name(S256))),
                invalid("pipeline name of 256 code points on create", "text.too_long",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named(S256).stage("Talks", 10))),
                invalid("pipeline name of 256 code points on rename", "text.too_long",
                        k -> () -> k.anna.pipelines().rename(k.p.id(), S256)),
                invalid("stage name of 256 code points on create", "text.too_long",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named("Partners").stage(S256, 10))),
                invalid("Won stage named with 256 code points", "text.too_long",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 10).won(S256))),
                invalid("stage name of 256 code points when added", "text.too_long",
                        k -> () -> k.anna.pipelines().addStage(k.p.id(), S256, 10)),
                invalid("stage name of 256 code points on rename", "text.too_long",
                        k -> () -> k.anna.pipelines().renameStage(k.p.id(), k.p.firstStage().id(), S256)),
                invalid("task type name of 256 code points", "text.too_long",
                        k -> () -> k.anna.settings().taskTypes().add(S256)),
                invalid("loss reason renamed to 256 code points", "text.too_long",
                        k -> () -> k.anna.settings().lossReasons().rename(k.reason("Too expensive").id(), S256)),
                invalid("product group name of 1 MB", "text.too_long",
                        k -> () -> k.anna.settings().productGroups().add(MB)),
                invalid("product name of 256 code points", "text.too_long",
                        k -> k.newDeal(d -> d.product(S256, BigDecimal.ONE, Money.of("10", "RUB")))),
                invalid("product name of 256 code points through update", "text.too_long",
                        k -> k.editDeal(d -> d.product(S256, BigDecimal.ONE, Money.of("10", "RUB")))),
                invalid("first name of 101 code points", "text.too_long",
                        k -> () -> k.anna.contacts().create(ContactForm.person("x".repeat(101), "Petrov"))),
                invalid("middle name of 101 code points", "text.too_long",
                        k -> k.newContact(c -> c.middleName("x".repeat(101)))),
                invalid("last name of 101 emoji through update", "text.too_long",
                        k -> k.editContact(c -> c.lastName("😀".repeat(101)))),
                invalid("job title of 201 code points", "text.too_long",
                        k -> k.newContact(c -> c.position("x".repeat(201)))),
                invalid("job title of 1 MB through update", "text.too_long", k -> k.editContact(c -> c.position(MB))),
                invalid("deal tag of 101 code points", "text.too_long", k -> k.newDeal(d -> d.tag("x".repeat(101)))),
                invalid("deal tag of 101 code points through update", "text.too_long",
                        k -> k.editDeal(d -> d.tag("x".repeat(101)))),
                invalid("contact tag of 101 code points through update", "text.too_long",
                        k -> k.editContact(c -> c.tag("x".repeat(101)))),
                invalid("company tag of 1 MB", "text.too_long", k -> k.newCompany(c -> c.tag(MB))),
                invalid("contact description of 10,001 code points", "text.too_long",
                        k -> k.newContact(c -> c.description("x".repeat(Limits.DESCRIPTION + 1)))),
                invalid("company description of 1 MB through update", "text.too_long",
                        k -> k.editCompany(c -> c.description(MB))),
                invalid("comment of 10,001 code points", "text.too_long",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.deal.id()), "x".repeat(Limits.COMMENT + 1))),
                invalid("comment of 1 MB", "text.too_long",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.ivan.id()), MB)),
                invalid("task text of 10,001 code points", "text.too_long",
                        k -> () -> k.anna.tasks().create(TaskForm.todo("x".repeat(Limits.TASK_TEXT + 1))
                                .on(RecordRef.of(k.deal.id())).deadline(T0))),
                invalid("task result of 10,001 code points on close", "text.too_long",
                        k -> () -> k.anna.tasks().close(k.task.id(), Optional.of("x".repeat(Limits.TASK_RESULT + 1)))),
                invalid("task result of 1 MB set later", "text.too_long",
                        k -> () -> k.anna.tasks().setResult(k.task.id(), MB)),
                invalid("message subject of 999 code points", "text.too_long",
                        k -> k.message(aMail().subject("x".repeat(Limits.MESSAGE_SUBJECT + 1)))),
                invalid("message body of 100,001 code points", "text.too_long",
                        k -> k.message(aMail().body("x".repeat(Limits.MESSAGE_BODY + 1)))),
                invalid("message body of 1 MB", "text.too_long", k -> k.message(aMail().body(MB))),
                invalid("message sender of 321 characters", "text.too_long",
                        k -> k.message(NewMessage.of(Channel.EMAIL, Direction.INBOUND, "x".repeat(321), "a@b.test"))),
                invalid("message recipient of 1 MB", "text.too_long",
                        k -> k.message(NewMessage.of(Channel.SMS, Direction.OUTBOUND, "+79017763434", MB))),
                invalid("call number of 65 characters", "text.too_long",
                        k -> k.call(NewCall.inbound("7".repeat(65), "+74951234567", T0))),
                invalid("call number of 1 MB of digits", "text.too_long",
                        k -> k.call(NewCall.outbound("+74951234567", MB_DIGITS, T0))),
                invalid("call integration name of 256 code points", "text.too_long",
                        k -> k.call(aCall().reportedBy(S256, "c-1"))),
                invalid("call id of 1 MB", "text.too_long", k -> k.call(aCall().reportedBy("mango", MB))),
                invalid("user name of 201 code points", "text.too_long",
                        k -> () -> k.anna.users().add(UserForm.named("x".repeat(201)))),
                invalid("user name of 1 MB through update", "text.too_long",
                        k -> () -> k.anna.users().update(k.borisUser.id(), k.borisUser.version(), u -> u.name(MB))),
                invalid("user locale of 256 characters", "text.too_long",
                        k -> () -> k.anna.users().add(UserForm.named("Carl").locale(new Locale("x".repeat(256))))),
                invalid("street of 256 code points", "text.too_long",
                        k -> k.newContact(c -> c.address(new Address(S256, "Moscow", "", "125009", "RU")))),
                invalid("text custom field of 10,001 code points", "text.too_long",
                        k -> k.newContact(c -> c.customField(CustomFieldId.of(UUID.randomUUID()),
                                new FieldValue.Text("x".repeat(Limits.TEXT_FIELD + 1))))),
                invalid("link of 2,049 characters", "text.too_long",
                        k -> k.newContact(c -> c.link(URI.create("https://vk.test/" + "x".repeat(2040))))),
                invalid("call recording of 2,049 characters", "text.too_long",
                        k -> k.call(aCall().recording(URI.create("https://rec.test/" + "x".repeat(2040))))),
                invalid("blank call numbers", "call.number.required call.number.required",
                        k -> k.call(NewCall.inbound(" ", INVISIBLE, T0))),
                invalid("call without a start", "call.start.required",
                        k -> k.call(NewCall.outbound("+74951234567", "+79017763434", null))),
                invalid("message without addresses", "message.address.required message.address.required",
                        k -> k.message(NewMessage.of(Channel.CHAT, Direction.OUTBOUND, "", INVISIBLE))));
    }

    static Stream<Case> characters() {
        return Stream.of(
                invalid("NUL inside a deal name", "text.control_character", k -> k.newDeal(d -> d.name("Ch\u0000airs"))),
                invalid("NUL inside a deal name through update", "text.control_character",
                        k -> k.editDeal(d -> d.name("Ch\u0000airs"))),
                invalid("NUL inside a description (multi-line allows tabs and line breaks only)", "text.control_character",
                        k -> k.newContact(c -> c.description("line one\nline\u0000two"))),
                invalid("BEL inside a comment", "text.control_character",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.deal.id()), "ring\u0007ring")),
                invalid("ESC inside a task text", "text.control_character",
                        k -> () -> k.anna.tasks().create(TaskForm.todo("Call \u001B[31m back").on(RecordRef.of(k.deal.id()))
                                .deadline(T0))),
                invalid("C1 control U+0085 inside a first name", "text.control_character",
                        k -> () -> k.anna.contacts().create(ContactForm.person("Iv\u0085an", "Petrov"))),
                invalid("DEL inside a tag", "text.control_character", k -> k.newDeal(d -> d.tag("v\u007Fip"))),
                invalid("tab inside a single-line deal name", "text.control_character",
                        k -> k.newDeal(d -> d.name("Office\tchairs"))),
                invalid("line break inside a single-line company name", "text.line_break",
                        k -> k.editCompany(c -> c.name("Horns\nHooves"))),
                invalid("line separator U+2028 inside a pipeline name", "text.line_break",
                        k -> () -> k.anna.pipelines().rename(k.p.id(), "Sales\u2028Team")),
                invalid("line break inside a job title", "text.line_break",
                        k -> k.editContact(c -> c.position("Chief\r\nOfficer"))),
                invalid("line break inside a message subject", "text.line_break",
                        k -> k.message(aMail().subject("Re: offer\nBcc: everyone@x.test"))),
                invalid("NUL inside a message body", "text.control_character",
                        k -> k.message(aMail().body("Hello\u0000"  + "world"))),
                invalid("NUL inside a user's locale", "text.control_character",
                        k -> () -> k.anna.users().update(k.borisUser.id(), k.borisUser.version(),
                                u -> u.locale(new Locale("e\u0000n")))),
                invalid("NUL inside a call id", "text.control_character",
                        k -> k.call(aCall().reportedBy("mango", "c\u00001"))),
                invalid("unpaired surrogate inside a deal name", "text.unpaired_surrogate",
                        k -> k.newDeal(d -> d.name("Chairs \uD800 deal"))),
                invalid("unpaired surrogate at the end of a comment", "text.unpaired_surrogate",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.deal.id()), "Discussed\uD800")),
                invalid("unpaired low surrogate inside a last name through update", "text.unpaired_surrogate",
                        k -> k.editContact(c -> c.lastName("Pe\uDC00trov"))),
                invalid("unpaired surrogate inside a tag", "text.unpaired_surrogate",
                        k -> k.editCompany(c -> c.tag("v\uD800ip"))),
                invalid("unpaired surrogate inside a stage name", "text.unpaired_surrogate",
                        k -> () -> k.anna.pipelines().addStage(k.p.id(), "Talks\uD800", 20)),
                invalid("unpaired surrogate inside a user name", "text.unpaired_surrogate",
                        k -> () -> k.anna.users().add(UserForm.named("Carl\uD800"))),
                invalid("deal name of NBSP and zero-width spaces only, through update", "deal.name.blank",
                        k -> k.editDeal(d -> d.name(INVISIBLE))),
                invalid("contact named with invisible characters only", "contact.name.required",
                        k -> () -> k.anna.contacts().create(ContactForm.named(INVISIBLE))),
                invalid("company named with a zero-width space only", "company.name.required",
                        k -> () -> k.anna.companies().create(CompanyForm.named("\u200B"))),
                invalid("pipeline named with NBSP only", "pipeline.name.blank",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named("\u00A0").stage("Talks", 10))),
                invalid("stage named with invisible characters only", "stage.name.blank",
                        k -> () -> k.anna.pipelines().addStage(k.p.id(), INVISIBLE, 10)),
                invalid("task type named with a word joiner only", "setting.name.blank",
                        k -> () -> k.anna.settings().taskTypes().add("\u2060")),
                invalid("user named with invisible characters only", "user.name.blank",
                        k -> () -> k.anna.users().add(UserForm.named(INVISIBLE))),
                invalid("task text of invisible characters only", "task.text.blank",
                        k -> () -> k.anna.tasks().create(TaskForm.todo(INVISIBLE).on(RecordRef.of(k.deal.id()))
                                .deadline(T0))),
                invalid("comment of invisible characters only", "timeline.comment.blank",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.deal.id()), INVISIBLE)),
                invalid("task result of invisible characters only", "task.result.blank",
                        k -> () -> k.anna.tasks().setResult(k.task.id(), INVISIBLE)),
                invalid("product named with NBSP only", "product.name.blank",
                        k -> k.newDeal(d -> d.product("\u00A0", BigDecimal.ONE, Money.of("10", "RUB")))),
                invalid("blank deal tag", "tag.blank", k -> k.newDeal(d -> d.tag("   "))),
                invalid("contact tag of invisible characters only", "tag.blank", k -> k.editContact(c -> c.tag(INVISIBLE))),
                invalid("a zero-width space inside an e-mail (iv\u200Ban@hooves.example)", "email.invalid",
                        k -> k.newContact(c -> c.email("iv\u200Ban@hooves.example"))),
                invalid("a zero-width space inside a user's e-mail", "email.invalid",
                        k -> () -> k.anna.users().add(UserForm.named("Carl").email("iv\u200Ban@hooves.example"))),
                invalid("a zero-width space inside a message address", "text.format_character",
                        k -> k.message(NewMessage.of(Channel.EMAIL, Direction.INBOUND, "iv\u200Ban@hooves.example",
                                "sales@crmkit.test"))),
                invalid("a zero-width space inside a call id", "text.format_character",
                        k -> k.call(aCall().reportedBy("mango", "c\u200B-1"))),
                invalid("a zero-width space inside a link", "text.format_character",
                        k -> k.editCompany(c -> c.link(URI.create("https://vk.test/iv\u200Ban")))),
                invalid("a zero-width space inside a phone number", "text.format_character",
                        k -> k.newContact(c -> c.phone("+7 901 776\u200B-34-34"))),
                invalid("31 combining marks in a row in a deal name", "text.combining_marks",
                        k -> k.newDeal(d -> d.name("e" + "\u0301".repeat(31)))));
    }

    static Stream<Case> moneyPhonesAndMail() {
        return Stream.of(
                invalid("budget of 1,001 digits", "text.too_long",
                        k -> k.newDeal(d -> d.budget(Money.of("9".repeat(1001), "RUB")))),
                invalid("budget of 1e-999999999 RUB", "money.amount.scale",
                        k -> k.newDeal(d -> d.budget(Money.of("1e-999999999", "RUB")))),
                invalid("budget of 1e999999999 RUB", "money.amount.too_large",
                        k -> k.editDeal(d -> d.budget(Money.of("1e999999999", "RUB")))),
                invalid("budget of 1e999999999 as a BigDecimal", "money.amount.too_large",
                        k -> k.newDeal(d -> d.budget(Money.of(new BigDecimal("1e999999999"), "RUB")))),
                invalid("budget of 16 integer digits", "money.amount.too_large",
                        k -> k.newDeal(d -> d.budget(Money.of("1" + "0".repeat(15), "RUB")))),
                invalid("budget with three decimals in RUB", "money.amount.scale",
                        k -> k.newDeal(d -> d.budget(Money.of("10.005", "RUB")))),
                invalid("budget with decimals in JPY", "money.amount.scale",
                        k -> k.newDeal(d -> d.budget(Money.of("10.5", "JPY")))),
                invalid("budget in no currency", "money.currency.unknown",
                        k -> k.newDeal(d -> d.budget(Money.of("10", "ABC")))),
                invalid("negative budget", "budget.negative", k -> k.newDeal(d -> d.budget(Money.of("-5", "RUB")))),
                invalid("negative budget through update", "budget.negative",
                        k -> k.editDeal(d -> d.budget(Money.of("-0.01", "RUB")))),
                invalid("product quantity of zero", "product.quantity.positive",
                        k -> k.newDeal(d -> d.product("Chair", BigDecimal.ZERO, Money.of("10", "RUB")))),
                invalid("negative product quantity", "product.quantity.positive",
                        k -> k.newDeal(d -> d.product("Chair", new BigDecimal("-1"), Money.of("10", "RUB")))),
                invalid("product quantity of 10 integer digits", "product.quantity.too_large",
                        k -> k.newDeal(d -> d.product("Chair", new BigDecimal("1e9"), Money.of("10", "RUB")))),
                invalid("product quantity of 1e-999999999", "product.quantity.scale",
                        k -> k.newDeal(d -> d.product("Chair", new BigDecimal("1e-999999999"), Money.of("10", "RUB")))),
                invalid("negative product price", "product.price.negative",
                        k -> k.newDeal(d -> d.product("Chair", BigDecimal.ONE, Money.of("-10", "RUB")))),
                invalid("product line total beyond 15 digits", "product.total.too_large",
                        k -> k.newDeal(d -> d.product("Chair", new BigDecimal("999999999"),
                                Money.of("999999999999999", "RUB")))),
                invalid("negative call cost", "call.cost.negative",
                        k -> k.call(aCall().cost(Money.of("-3.50", "RUB")))),
                invalid("contact currency that is no ISO 4217 code", "money.currency.unknown",
                        k -> k.newContact(c -> c.currency("RUR1"))),
                invalid("phone of 16 digits (E.164 allows 15)", "phone.too_long",
                        k -> k.newContact(c -> c.phone("+1234567890123456"))),
                invalid("phone of 16 digits through update", "phone.too_long",
                        k -> k.editContact(c -> c.phone("+7 901 776 34 34 123456"))),
                invalid("phone of 1 MB of digits", "text.too_long", k -> k.newContact(c -> c.phone(MB_DIGITS))),
                invalid("company phone of 1 MB of digits", "text.too_long", k -> k.editCompany(c -> c.phone(MB_DIGITS))),
                invalid("phone of letters", "phone.letters", k -> k.newContact(c -> c.phone("call me maybe"))),
                invalid("phone without digits", "phone.no_digits", k -> k.newCompany(c -> c.phone("+() --"))),
                invalid("phone extension of 11 digits", "phone.extension.too_long",
                        k -> k.newContact(c -> c.phone("+7 495 123-45-67 ext. 12345678901"))),
                invalid("e-mail of 255 characters", "email.too_long",
                        k -> k.newContact(c -> c.email(EMAIL_255))),
                invalid("e-mail of 1 MB", "email.too_long", k -> k.newContact(c -> c.email(MB))),
                invalid("e-mail with a local part of 65 characters", "email.local_part.too_long",
                        k -> k.editContact(c -> c.email("x".repeat(65) + "@client.test"))),
                invalid("e-mail with two @", "email.invalid", k -> k.newContact(c -> c.email("ivan@@client.test"))),
                invalid("e-mail without a domain", "email.invalid", k -> k.newCompany(c -> c.email("sales@"))),
                invalid("user e-mail of 1 MB", "email.too_long",
                        k -> () -> k.anna.users().add(UserForm.named("Carl").email(MB))));
    }

    static Stream<Case> datesAndCollections() {
        return Stream.of(
                invalid("task deadline of Instant.MAX", "datetime.range", k -> k.newTask(t -> t.deadline(Instant.MAX))),
                invalid("task deadline of Instant.MIN", "datetime.range", k -> k.newTask(t -> t.deadline(Instant.MIN))),
                invalid("task deadline in 1899", "datetime.range",
                        k -> k.newTask(t -> t.deadline(Instant.parse("1899-12-31T23:59:59Z")))),
                invalid("birth date tomorrow", "contact.birth_date.future",
                        k -> k.newContact(c -> c.birthDate(LocalDate.of(2026, 11, 3)))),
                invalid("birth date before 1900", "date.range",
                        k -> k.editContact(c -> c.birthDate(LocalDate.of(1899, 12, 31)))),
                invalid("birth date of LocalDate.MIN", "date.range", k -> k.newContact(c -> c.birthDate(LocalDate.MIN))),
                invalid("expected close in the year 10000", "date.range",
                        k -> k.newDeal(d -> d.expectedClose(LocalDate.of(10_000, 1, 1)))),
                invalid("expected close of LocalDate.MAX through update", "date.range",
                        k -> k.editDeal(d -> d.expectedClose(LocalDate.MAX))),
                invalid("date custom field in 1899", "date.range",
                        k -> k.newContact(c -> c.customField(CustomFieldId.of(UUID.randomUUID()),
                                new FieldValue.Date(LocalDate.of(1899, 1, 1))))),
                invalid("call start of Instant.MAX", "datetime.range",
                        k -> k.call(NewCall.inbound("+79017763434", "+74951234567", Instant.MAX))),
                invalid("call start in 1800", "datetime.range",
                        k -> k.call(NewCall.inbound("+79017763434", "+74951234567", Instant.parse("1800-01-01T00:00:00Z")))),
                invalid("call of a day and a second", "call.duration.long",
                        k -> k.call(aCall().answered(Duration.ofSeconds(Limits.CALL_DURATION_SECONDS + 1)))),
                invalid("call of Long.MAX_VALUE seconds", "call.duration.long",
                        k -> k.call(aCall().answered(Duration.ofSeconds(Long.MAX_VALUE)))),
                invalid("call of negative duration", "call.duration.negative",
                        k -> k.call(aCall().answered(Duration.ofSeconds(-1)))),
                invalid("message sent at Instant.MIN", "datetime.range", k -> k.message(aMail().at(Instant.MIN))),
                invalid("21 phones on a contact", "collection.too_many", k -> k.newContact(c -> {
                    for (int i = 0; i <= Limits.PHONES; i++) {
                        c.phone("+7 901 000-00-" + (10 + i));
                    }
                    return c;
                })),
                invalid("21 e-mails on a company through update", "collection.too_many", k -> k.editCompany(c -> {
                    for (int i = 0; i <= Limits.EMAILS; i++) {
                        c.email("sales" + i + "@horns.test");
                    }
                })),
                invalid("21 links on a contact", "collection.too_many", k -> k.newContact(c -> {
                    for (int i = 0; i <= Limits.LINKS; i++) {
                        c.link(URI.create("https://vk.test/" + i));
                    }
                    return c;
                })),
                invalid("51 tags on a deal", "collection.too_many", k -> k.newDeal(d -> {
                    for (int i = 0; i <= Limits.TAGS; i++) {
                        d.tag("t" + i);
                    }
                    return d;
                })),
                invalid("51 tags on a contact through update", "collection.too_many", k -> k.editContact(c -> {
                    for (int i = 0; i <= Limits.TAGS; i++) {
                        c.tag("t" + i);
                    }
                })),
                invalid("201 product lines", "collection.too_many", k -> k.newDeal(d -> {
                    for (int i = 0; i <= Limits.PRODUCT_LINES; i++) {
                        d.product("Chair " + i, BigDecimal.ONE, Money.of("10", "RUB"));
                    }
                    return d;
                })),
                invalid("51 contacts on a deal", "collection.too_many", k -> {
                    List<Contact> people = Stream.iterate(0, i -> i + 1).limit(Limits.DEAL_CONTACTS + 1)
                            .map(i -> k.anna.contacts().create(ContactForm.named("Client " + i))).toList();
                    return k.editDeal(d -> people.forEach(c -> d.contact(c.id())));
                }),
                invalid("201 custom-field values", "collection.too_many", k -> k.newContact(c -> {
                    for (int i = 0; i <= Limits.CUSTOM_FIELDS; i++) {
                        c.customField(CustomFieldId.of(UUID.randomUUID()), new FieldValue.Flag(true));
                    }
                    return c;
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.tck.BadInputKit#cases")
    @DisplayName("a bad value is refused with its exception and codes, changes nothing and quotes no unbounded input")
    void badValueIsRefused(Case c) {
        refuses(c);
    }

    @Test
    @DisplayName("what the bounds allow is stored: 255 emoji, 100-code-point name parts, tabs and line breaks in multi-line text")
    void theBoundsThemselvesAreAccepted() {
        Deal named = anna.deals().create(DealForm.in(p.id()).name(EMOJI_255).tag("x".repeat(Limits.TAG)));
        assertThat(named.name()).isEqualTo(EMOJI_255);
        assertThat(anna.deals().update(deal.id(), deal.version(), d -> d.name(S255)).name()).isEqualTo(S255);
        Contact c = anna.contacts().create(ContactForm.person("😀".repeat(Limits.PERSON_NAME_PART), "Sidorov")
                .position("x".repeat(Limits.JOB_TITLE)).description("line one\n\tline two")
                .phone("+123456789012345").email("x".repeat(Limits.EMAIL_LOCAL_PART) + "@client.test"));
        assertThat(anna.contacts().get(c.id())).isEqualTo(c);
        assertThat(c.description()).contains("line one\n\tline two");
        assertThat(anna.timeline().comment(RecordRef.of(deal.id()), "x".repeat(Limits.COMMENT)).text())
                .hasSize(Limits.COMMENT);
        assertThat(anna.deals().create(DealForm.in(p.id()).budget(Money.of("999999999999999.99", "RUB")))
                .budget()).isPresent();
        assertThat(anna.tasks().create(TaskForm.todo("Far").on(RecordRef.of(deal.id()))
                .deadline(Limits.LATEST_INSTANT)).deadline()).isEqualTo(Limits.LATEST_INSTANT);
    }
}
