package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the groups of bad-input cases share: a few stored records to aim bad input at, the table's case
 * type, shortcuts for the calls and the check every case passes (its exception exactly, its codes, nothing
 * stored, no event, every message bounded).
 */
abstract class BadInputBase extends FacadeKitBase {

    static final String S255 = "x".repeat(255);
    static final String S256 = "x".repeat(256);
    static final String EMOJI_255 = "😀".repeat(255);
    static final String EMOJI_256 = "😀".repeat(256);
    /** One mebibyte of text, the input a message must never quote whole. */
    static final String MB = "y".repeat(1 << 20);
    static final String MB_DIGITS = "7".repeat(1 << 20);
    /** No-break space, zero-width space, word joiner, zero-width no-break space: nothing visible. */
    static final String INVISIBLE = "\u00A0\u200B\u2060\uFEFF";
    /** An address of 255 characters: 60 before the {@code @}, labels of at most 63. */
    static final String EMAIL_255 = "x".repeat(60) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "."
            + "f".repeat(61) + ".test";

    /** The longest a violation message may be, in either language, whatever the input. */
    static final int MESSAGE_BOUND = 500;

    /** The Sales pipeline: First contact, Negotiation, Invoice sent, Won, Lost. */
    Pipeline p;
    Company horns;
    /** Ivan Petrov, +7 901 776-34-34, ivan@client.test. */
    Contact ivan;
    /** Chairs, at the first stage of {@link #p}, with Ivan. */
    Deal deal;
    /** An open task on {@link #deal}. */
    Task task;

    @BeforeEach
    void records() {
        p = sales();
        horns = anna.companies().create(CompanyForm.named("Horns and Hooves"));
        ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34")
                .email("ivan@client.test"));
        deal = anna.deals().create(DealForm.in(p.id()).name("Chairs").contact(ivan.id()));
        task = anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(deal.id())).deadline(T0.plusSeconds(3600)));
    }

    /**
     * One bad input.
     *
     * @param name what is bad
     * @param type the exception expected, exactly
     * @param codes the violation codes expected, in any order (for a {@link ValidationException})
     * @param call the call to refuse, given the kit after any setup of its own
     */
    record Case(String name, Class<? extends Throwable> type, List<String> codes,
                Function<BadInputBase, ThrowingCallable> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case invalid(String name, String codes, Function<BadInputBase, ThrowingCallable> call) {
        return new Case(name, ValidationException.class, List.of(codes.split(" ")), call);
    }

    static Case rule(String name, String codes, Function<BadInputBase, ThrowingCallable> call) {
        return new Case(name, RuleViolationException.class, List.of(codes.split(" ")), call);
    }

    static Case notFound(String name, Function<BadInputBase, ThrowingCallable> call) {
        return new Case(name, NotFoundException.class, List.of(), call);
    }

    static Case denied(String name, Function<BadInputBase, ThrowingCallable> call) {
        return new Case(name, AccessDeniedException.class, List.of(), call);
    }

    static Case other(String name, Class<? extends Throwable> type, Function<BadInputBase, ThrowingCallable> call) {
        return new Case(name, type, List.of(), call);
    }

    /** Runs a case: its setup, then the call, which must fail as expected and change nothing. */
    void refuses(Case c) {
        ThrowingCallable call = c.call().apply(this);
        Throwable e = failsAndChangesNothing(c.type(), call);
        assertThat(e).as(c.name()).isExactlyInstanceOf(c.type());
        if (e instanceof ValidationException v) {
            assertThat(v.codes()).as(c.name()).containsExactlyInAnyOrderElementsOf(c.codes());
            assertThat(v.violations()).as(c.name()).allSatisfy(x -> {
                assertThat(x.messageEn()).isNotBlank().hasSizeLessThan(MESSAGE_BOUND);
                assertThat(x.messageRu()).containsPattern("[а-яА-Я]").hasSizeLessThan(MESSAGE_BOUND);
                assertThat(x.path()).hasSizeLessThan(MESSAGE_BOUND);
            });
        }
        assertThat(String.valueOf(e.getMessage())).as(c.name()).hasSizeLessThan(4 * MESSAGE_BOUND);
    }

    // ---- shortcuts for the calls the cases make ----

    ThrowingCallable newDeal(UnaryOperator<DealForm> form) {
        return () -> anna.deals().create(form.apply(DealForm.in(p.id())));
    }

    ThrowingCallable editDeal(Consumer<DealForm> edit) {
        return () -> anna.deals().update(deal.id(), deal.version(), edit);
    }

    ThrowingCallable newContact(UnaryOperator<ContactForm> form) {
        return () -> anna.contacts().create(form.apply(ContactForm.person("Petr", "Sidorov")));
    }

    ThrowingCallable editContact(Consumer<ContactForm> edit) {
        return () -> anna.contacts().update(ivan.id(), ivan.version(), edit);
    }

    ThrowingCallable newCompany(UnaryOperator<CompanyForm> form) {
        return () -> anna.companies().create(form.apply(CompanyForm.named("Рога и копыта")));
    }

    ThrowingCallable editCompany(Consumer<CompanyForm> edit) {
        return () -> anna.companies().update(horns.id(), horns.version(), edit);
    }

    ThrowingCallable newTask(UnaryOperator<TaskForm> form) {
        return () -> anna.tasks().create(form.apply(TaskForm.todo("Call back").on(RecordRef.of(deal.id()))
                .deadline(T0.plusSeconds(60))));
    }

    ThrowingCallable call(NewCall call) {
        return () -> anna.timeline().logCall(RecordRef.of(deal.id()), call);
    }

    ThrowingCallable message(NewMessage message) {
        return () -> anna.timeline().logMessage(RecordRef.of(deal.id()), message);
    }

    static NewCall aCall() {
        return NewCall.inbound("+7 901 776-34-34", "+7 495 123-45-67", T0);
    }

    static NewMessage aMail() {
        return NewMessage.of(Channel.EMAIL, Direction.INBOUND, "ivan@client.test", "sales@crmkit.test");
    }
}
