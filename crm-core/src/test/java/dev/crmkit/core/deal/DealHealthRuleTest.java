package dev.crmkit.core.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.deal.DealHealth.Inactivity;
import dev.crmkit.core.deal.DealHealth.Part;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("DEAL-5, DEAL-6: correct and active deals (the rule alone)")
class DealHealthRuleTest {

    private static final Instant NOW = Instant.parse("2027-01-02T09:00:00Z");
    /** Two calendar months before {@link #NOW}. */
    private static final Instant EDGE = Instant.parse("2026-11-02T09:00:00Z");
    private static final UserId BORIS = new UserId(UUID.randomUUID());
    private static final ContactId IVAN = new ContactId(UUID.randomUUID());
    private static final String DETAILED = "Обсудили цену, согласен на рассрочку, договор в пятницу";
    private static final DealHealthRule RULE = DealHealthRule.of(Policies.bitrix24SalesDepartment());

    private static Deal deal(Set<Part> without) {
        var b = Deal.builder().id(new DealId(UUID.randomUUID())).created(EDGE.minus(Duration.ofDays(90)))
                .updated(EDGE).name("Колледж").pipeline(new PipelineId(UUID.randomUUID()))
                .stage(new StageId(UUID.randomUUID())).stageEntered(EDGE).responsible(BORIS);
        if (!without.contains(Part.PRODUCT_GROUP)) {
            b.productGroup(new ProductGroupId(UUID.randomUUID()));
        }
        if (without.contains(Part.CURRENT_STAGE)) {
            b.closed(EDGE);
        }
        if (!without.contains(Part.CONTACT)) {
            b.contacts(List.of(IVAN));
        }
        if (!without.contains(Part.PRODUCT)) {
            b.products(List.of(new ProductLine("СПО / ИСиП (09.02.07)", BigDecimal.ONE, Money.of("60000", "RUB"))));
        }
        if (!without.contains(Part.AMOUNT)) {
            b.budget(Budget.fixed(Money.of("41990", "RUB")));
        }
        return b.build();
    }

    private static TimelineEntryId id() {
        return new TimelineEntryId(UUID.randomUUID());
    }

    private static Comment comment(RecordRef on, String text, Instant at) {
        return Comment.builder().id(id()).created(at).updated(at).owner(on).author(BORIS).at(at).text(text).build();
    }

    private static Call call(RecordRef on, boolean answered, int seconds, Instant at) {
        return Call.builder().id(id()).created(at).updated(at).owner(on).author(BORIS).at(at)
                .direction(Direction.OUTBOUND).fromNumber("+74950000000").toNumber("+79017763434")
                .duration(Duration.ofSeconds(seconds)).answered(answered).build();
    }

    private static Message message(RecordRef on, Direction direction, Instant at) {
        return Message.builder().id(id()).created(at).updated(at).owner(on).author(BORIS).at(at).channel(Channel.CHAT)
                .direction(direction).from("ivan").to("boris").body("Добрый день").build();
    }

    /** A deal's timeline with a connected call and a detailed comment, both a week ago. */
    private static List<TimelineEntry> worked(Deal d) {
        RecordRef on = RecordRef.of(d.id());
        return List.of(call(on, true, 95, NOW.minus(Duration.ofDays(7))), comment(on, DETAILED, NOW.minus(Duration.ofDays(7))));
    }

    private static DealHealth judge(Deal d, List<TimelineEntry> timeline) {
        return RULE.judge(d, timeline, NOW, ZoneOffset.UTC);
    }

    @Test
    @Tag("DEAL-5")
    @Tag("DEAL-6")
    @DisplayName("a deal with every part, a connected call and a detailed comment in the last two months is correct and active")
    void correctAndActive() {
        Deal d = deal(Set.of());
        DealHealth h = judge(d, worked(d));
        assertThat(h).isEqualTo(new DealHealth(d.id(), Set.of(), Set.of(), EDGE, NOW,
                Optional.of(NOW.minus(Duration.ofDays(7))), Optional.of(NOW.minus(Duration.ofDays(7)))));
        assertThat(h.correct()).isTrue();
        assertThat(h.active()).isTrue();
    }

    @ParameterizedTest(name = "without {0}")
    @EnumSource(Part.class)
    @Tag("DEAL-5")
    @DisplayName("each missing part makes a deal incorrect, and so inactive, and is named")
    void eachMissingPart(Part part) {
        Deal d = deal(Set.of(part));
        List<TimelineEntry> timeline = part == Part.DETAILED_COMMENT
                ? List.of(call(RecordRef.of(d.id()), true, 95, NOW), comment(RecordRef.of(d.id()), "Перезвонить", NOW))
                : worked(d);
        DealHealth h = judge(d, timeline);
        assertThat(h.missing()).containsExactly(part);
        assertThat(h.correct()).isFalse();
        assertThat(h.active()).isFalse();
        assertThat(h.inactivity()).as("an incorrect deal is never active").contains(Inactivity.NOT_CORRECT);
    }

    @Test
    @Tag("DEAL-5")
    @DisplayName("a budget of zero is no amount, a Won or Lost deal has no current stage, and several parts are named in order")
    void amountStageAndOrder() {
        Deal free = deal(Set.of()).toBuilder().budget(Budget.fixed(Money.of("0.00", "RUB"))).build();
        assertThat(judge(free, worked(free)).missing()).containsExactly(Part.AMOUNT);
        Deal closed = deal(Set.of(Part.CURRENT_STAGE));
        assertThat(judge(closed, worked(closed)).missing()).containsExactly(Part.CURRENT_STAGE);
        Deal bare = deal(EnumSet.allOf(Part.class));
        DealHealth h = judge(bare, List.of());
        assertThat(h.missing()).containsExactly(Part.values());
        assertThat(h.inactivity()).containsExactly(Inactivity.values());
        assertThat(h.lastInteraction()).isEmpty();
        assertThat(h.lastDetailedComment()).isEmpty();
    }

    @Test
    @Tag("DEAL-6")
    @DisplayName("a correct deal is inactive without an interaction or without a detailed comment in the period")
    void inactiveReasons() {
        Deal d = deal(Set.of());
        RecordRef on = RecordRef.of(d.id());
        Instant old = EDGE.minus(Duration.ofDays(1));
        DealHealth noCall = judge(d, List.of(comment(on, DETAILED, NOW), call(on, true, 95, old),
                call(on, false, 0, NOW), call(on, true, 0, NOW), message(on, Direction.OUTBOUND, NOW)));
        assertThat(noCall.correct()).isTrue();
        assertThat(noCall.inactivity()).as("a missed call, a call of 0 s and our unanswered message are no interaction")
                .containsExactly(Inactivity.NO_INTERACTION);
        assertThat(noCall.lastInteraction()).contains(old);
        DealHealth noComment = judge(d, List.of(comment(on, DETAILED, old), message(on, Direction.INBOUND, NOW),
                comment(on, "НД", NOW), comment(on, "Клиент думает", NOW)));
        assertThat(noComment.correct()).as("the old detailed comment keeps it correct").isTrue();
        assertThat(noComment.inactivity()).as("placeholders neither prolong nor activate a deal (DEAL-7)")
                .containsExactly(Inactivity.NO_DETAILED_COMMENT);
        assertThat(noComment.lastDetailedComment()).contains(old);
        assertThat(noComment.lastInteraction()).contains(NOW);
        assertThat(judge(d, List.of()).inactivity()).containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_INTERACTION,
                Inactivity.NO_DETAILED_COMMENT);
    }

    @Test
    @Tag("DEAL-6")
    @DisplayName("the period includes its first instant and now; a microsecond earlier, or an entry dated after now, is not counted")
    void boundary() {
        Deal d = deal(Set.of());
        RecordRef on = RecordRef.of(d.id());
        DealHealth atEdge = judge(d, List.of(call(on, true, 30, EDGE), comment(on, DETAILED, EDGE)));
        assertThat(atEdge.since()).isEqualTo(EDGE);
        assertThat(atEdge.active()).isTrue();
        Instant before = EDGE.minusNanos(1_000);
        DealHealth justBefore = judge(d, List.of(call(on, true, 30, before), comment(on, DETAILED, before)));
        assertThat(justBefore.inactivity()).containsExactly(Inactivity.NO_INTERACTION, Inactivity.NO_DETAILED_COMMENT);
        assertThat(judge(d, List.of(call(on, true, 30, NOW), comment(on, DETAILED, NOW))).active()).isTrue();
        Instant later = NOW.plusNanos(1_000);
        DealHealth future = judge(d, List.of(call(on, true, 30, later), comment(on, DETAILED, later)));
        assertThat(future.missing()).containsExactly(Part.DETAILED_COMMENT);
        assertThat(future.lastInteraction()).isEmpty();
    }

    @Test
    @Tag("DEAL-5")
    @Tag("DEAL-6")
    @DisplayName("only the deal's own timeline counts: a call and a detailed comment on its contact do not")
    void contactsEntriesDoNotCount() {
        Deal d = deal(Set.of());
        RecordRef contact = RecordRef.of(IVAN);
        DealHealth h = judge(d, List.of(call(contact, true, 95, NOW), comment(contact, DETAILED, NOW)));
        assertThat(h.missing()).containsExactly(Part.DETAILED_COMMENT);
        assertThat(h.inactivity()).containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_INTERACTION,
                Inactivity.NO_DETAILED_COMMENT);
        List<TimelineEntry> both = new ArrayList<>(worked(d));
        both.add(call(contact, true, 95, NOW));
        assertThat(judge(d, both).active()).isTrue();
    }

    @Test
    @Tag("DEAL-6")
    @DisplayName("the period is policy, in calendar months of the user's time zone, clamped at month ends")
    void periodIsPolicy() {
        Deal d = deal(Set.of());
        Policy week = Policies.bitrix24SalesDepartment().toBuilder().activityPeriod(Period.ofWeeks(1)).build();
        DealHealthRule weekly = DealHealthRule.of(week);
        RecordRef on = RecordRef.of(d.id());
        List<TimelineEntry> eightDaysAgo = List.of(call(on, true, 30, NOW.minus(Duration.ofDays(8))),
                comment(on, DETAILED, NOW.minus(Duration.ofDays(8))));
        assertThat(judge(d, eightDaysAgo).active()).isTrue();
        assertThat(weekly.judge(d, eightDaysAgo, NOW, ZoneOffset.UTC).inactivity())
                .containsExactly(Inactivity.NO_INTERACTION, Inactivity.NO_DETAILED_COMMENT);
        Instant april29 = Instant.parse("2027-04-29T22:00:00Z");
        assertThat(RULE.judge(d, List.of(), april29, ZoneOffset.UTC).since())
                .as("29 April minus two months is 28 February (2027 is no leap year)")
                .isEqualTo(Instant.parse("2027-02-28T22:00:00Z"));
        assertThat(RULE.judge(d, List.of(), april29, ZoneId.of("Europe/Moscow")).since())
                .as("in Moscow it is 30 April, 01:00 already; two months before is 28 February, 01:00 there")
                .isEqualTo(Instant.parse("2027-02-27T22:00:00Z"));
        DealHealthRule forever = DealHealthRule.of(week.toBuilder().activityPeriod(Period.ofYears(Integer.MAX_VALUE)).build());
        DealHealth ancient = forever.judge(d, List.of(call(on, true, 30, Instant.parse("1900-01-01T00:00:00Z")),
                comment(on, DETAILED, Instant.parse("1900-01-01T00:00:00Z"))), NOW, ZoneOffset.UTC);
        assertThat(ancient.since()).as("a period beyond the calendar counts everything").isEqualTo(Instant.MIN);
        assertThat(ancient.active()).isTrue();
    }

    @Test
    @DisplayName("a health result refuses verdicts that contradict each other")
    void invariants() {
        DealId id = new DealId(UUID.randomUUID());
        assertThatIllegalArgumentException().isThrownBy(() -> new DealHealth(id, Set.of(), Set.of(Inactivity.NOT_CORRECT),
                EDGE, NOW, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new DealHealth(id, Set.of(Part.CONTACT), Set.of(),
                EDGE, NOW, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new DealHealth(id, Set.of(), Set.of(), NOW, EDGE,
                Optional.empty(), Optional.empty()));
    }

    /** What the generator put on a deal, known without asking the rule. */
    private record Generated(Deal deal, List<TimelineEntry> timeline, Set<Part> missing, Set<Inactivity> inactivity) {
    }

    private static final List<String> DETAILED_TEXTS = List.of(DETAILED, "Готов оплачивать, назначили встречу",
            "Agreed on 40 chairs, delivery on the 15th, payment in two parts",
            "Планирует поступление на СПО, мама поддерживает, назначили ЛВ на пт");
    private static final List<String> PLACEHOLDERS = List.of("НД", "перезвонить", "сбросил", "пообщались", "думает",
            "Клиент думает", "call back", "no answer", "thinking", "Ок");

    private static Generated generate(Random random) {
        Set<Part> without = EnumSet.noneOf(Part.class);
        for (Part p : List.of(Part.PRODUCT_GROUP, Part.CURRENT_STAGE, Part.CONTACT, Part.PRODUCT, Part.AMOUNT)) {
            if (random.nextInt(10) == 0) {
                without.add(p);
            }
        }
        Deal d = deal(without);
        RecordRef on = RecordRef.of(d.id());
        RecordRef contact = RecordRef.of(IVAN);
        List<TimelineEntry> timeline = new ArrayList<>();
        boolean detailedEver = false;
        boolean detailedRecently = false;
        boolean interactedRecently = false;
        Instant first = EDGE.minus(Duration.ofDays(120));
        long span = Duration.between(first, NOW.plus(Duration.ofDays(3))).getSeconds();
        long window = Duration.between(EDGE, NOW).getSeconds();
        int entries = random.nextInt(9);
        for (int i = 0; i < entries; i++) {
            // Half in the period, half anywhere from four months before it to three days after now; some at its edge.
            Instant at = random.nextBoolean() ? EDGE.plusSeconds((long) (random.nextDouble() * window))
                    : first.plusSeconds((long) (random.nextDouble() * span));
            if (random.nextInt(12) == 0) {
                at = random.nextBoolean() ? EDGE : EDGE.minusNanos(1_000);
            }
            boolean own = random.nextInt(5) != 0;
            boolean counted = own && !at.isAfter(NOW);
            boolean recent = counted && !at.isBefore(EDGE);
            switch (random.nextInt(6)) {
                case 0 -> {
                    timeline.add(comment(own ? on : contact, DETAILED_TEXTS.get(random.nextInt(DETAILED_TEXTS.size())), at));
                    detailedEver |= counted;
                    detailedRecently |= recent;
                }
                case 1 -> timeline.add(comment(own ? on : contact, PLACEHOLDERS.get(random.nextInt(PLACEHOLDERS.size())), at));
                case 2 -> {
                    timeline.add(call(own ? on : contact, true, 1 + random.nextInt(600), at));
                    interactedRecently |= recent;
                }
                case 3 -> timeline.add(call(own ? on : contact, random.nextBoolean(), 0, at));
                case 4 -> {
                    timeline.add(message(own ? on : contact, Direction.INBOUND, at));
                    interactedRecently |= recent;
                }
                default -> timeline.add(message(own ? on : contact, Direction.OUTBOUND, at));
            }
        }
        Set<Part> missing = EnumSet.copyOf(without);
        if (!detailedEver) {
            missing.add(Part.DETAILED_COMMENT);
        }
        Set<Inactivity> inactivity = EnumSet.noneOf(Inactivity.class);
        if (!missing.isEmpty()) {
            inactivity.add(Inactivity.NOT_CORRECT);
        }
        if (!interactedRecently) {
            inactivity.add(Inactivity.NO_INTERACTION);
        }
        if (!detailedRecently) {
            inactivity.add(Inactivity.NO_DETAILED_COMMENT);
        }
        return new Generated(d, timeline, missing, inactivity);
    }

    @Test
    @Tag("DEAL-5")
    @Tag("DEAL-6")
    @DisplayName("over 400 generated deals: each verdict matches what was generated, every active deal is correct, some correct ones are not active")
    void generatedDeals() {
        long seed = 20_261_102L;
        Random random = new Random(seed);
        int active = 0;
        int correctInactive = 0;
        for (int i = 0; i < 400; i++) {
            Generated g = generate(random);
            DealHealth h = judge(g.deal(), g.timeline());
            String where = "seed " + seed + ", deal " + i;
            assertThat(h.missing()).as(where).isEqualTo(g.missing());
            assertThat(h.inactivity()).as(where).isEqualTo(g.inactivity());
            if (h.active()) {
                assertThat(h.correct()).as(where + ": an active deal is correct").isTrue();
                active++;
            } else if (h.correct()) {
                correctInactive++;
            }
        }
        assertThat(active).as("seed %d generates active deals", seed).isGreaterThan(10);
        assertThat(correctInactive).as("seed %d generates correct deals that are not active", seed).isGreaterThan(10);
    }
}
