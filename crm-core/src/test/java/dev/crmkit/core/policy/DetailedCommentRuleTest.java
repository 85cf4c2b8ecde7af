package dev.crmkit.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.crmkit.core.policy.CommentVerdict.Reason;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("DEAL-7")
@DisplayName("DEAL-7: detailed comments (the classifier alone)")
class DetailedCommentRuleTest {

    private static final DetailedCommentRule RULE = DetailedCommentRule.defaults();

    /** The seed's own example of a detailed comment (004, rule 3, the deal card). */
    private static final String SEED_EXAMPLE = "Планирует поступление на СПО ПКО ИС 2020, готов оплачивать, мама "
            + "поддерживает, БПМ у обоих комфорт и престиж, назначили ЛВ на пт 28.02.20 16.00";

    @ParameterizedTest(name = "{0}: «{1}»")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            PLACEHOLDER | НД                                           | НД                | 0
            PLACEHOLDER | нд.                                          | НД                | 0
            PLACEHOLDER | Н/Д                                          | Н/Д               | 0
            PLACEHOLDER | н.д.                                         | Н/Д               | 0
            PLACEHOLDER | перезвонить                                  | перезвонить       | 0
            PLACEHOLDER | Перезвонить!!!                               | перезвонить       | 0
            PLACEHOLDER | сбросил                                      | сбросил           | 0
            PLACEHOLDER | пообщались                                   | пообщались        | 0
            PLACEHOLDER | думает                                       | думает            | 0
            PLACEHOLDER | Клиент думает                                | думает            | 0
            PLACEHOLDER | Не берёт трубку, перезвонить завтра          | не берёт трубку   | 1
            PLACEHOLDER | НЕ БЕРЕТ ТРУБКУ                              | не берёт трубку   | 0
            PLACEHOLDER | перезвонить 28.02 в 16:00                    | перезвонить       | 0
            PLACEHOLDER | "пообщались,     думает   "                   | пообщались        | 0
            PLACEHOLDER | Сбросил. Перезвоню позже                     | сбросил           | 1
            PLACEHOLDER | Думает, перезвонить в пятницу                | думает            | 1
            PLACEHOLDER | call back                                    | call back         | 0
            PLACEHOLDER | Call-back!!                                  | call back         | 0
            PLACEHOLDER | No answer                                    | no answer         | 0
            PLACEHOLDER | thinking                                     | thinking          | 0
            PLACEHOLDER | Client is thinking about it                  | thinking about it | 0
            PLACEHOLDER | didn’t answer, will call back tomorrow       | didn't answer     | 1
            PLACEHOLDER | hung up                                      | hung up           | 0
            PLACEHOLDER | Voicemail.                                   | voicemail         | 0
            TOO_SHORT   | Ок                                           |                   | 0
            TOO_SHORT   | ...                                          |                   | 0
            TOO_SHORT   | Обсудили цену                                |                   | 2
            TOO_SHORT   | Отправил КП                                  |                   | 2
            TOO_SHORT   | 28.02.20 16:00                               |                   | 0
            TOO_SHORT   | Продумает план                               |                   | 2
            TOO_SHORT   | Sent the offer                               |                   | 2
            DETAILED    | Обсудили цену, согласен на рассрочку, договор в пятницу |        | 6
            DETAILED    | Готов оплачивать, назначили встречу          |                   | 4
            DETAILED    | Ещё думает, но готов к встрече в пятницу     | думает            | 3
            DETAILED    | Думает до пятницы: сравнивает с МГУ, мама за, бюджет 60 000 | думает | 5
            DETAILED    | Agreed on 40 chairs, delivery on the 15th, payment in two parts |  | 7
            DETAILED    | Called back: wants the premium plan, pays in March |             | 7
            DETAILED    | No answer on Monday; on Tuesday agreed a demo for Friday | no answer | 5
            """)
    @DisplayName("labelled Russian and English comments: placeholders, too short ones and detailed ones")
    void table(Reason reason, String comment, String stopPhrase, int meaningful) {
        CommentVerdict verdict = RULE.classify(comment);
        assertThat(verdict).isEqualTo(new CommentVerdict(reason, Optional.ofNullable(stopPhrase), meaningful, 3));
        assertThat(verdict.detailed()).isEqualTo(reason == Reason.DETAILED);
        assertThat(RULE.isDetailed(comment)).isEqualTo(verdict.detailed());
    }

    @Test
    @DisplayName("every example of seed 004 rule 3 is a placeholder, and the seed's deal card comment is detailed")
    void seedExamples() {
        for (String placeholder : List.of("НД", "перезвонить", "сбросил", "пообщались", "думает")) {
            CommentVerdict verdict = RULE.classify("«" + placeholder.toUpperCase(Locale.ROOT) + "»");
            assertThat(verdict.reason()).as(placeholder).isEqualTo(Reason.PLACEHOLDER);
            assertThat(verdict.stopPhrase()).as(placeholder).contains(placeholder);
        }
        CommentVerdict card = RULE.classify(SEED_EXAMPLE);
        assertThat(card.reason()).isEqualTo(Reason.DETAILED);
        assertThat(card.meaningfulWords()).as("numbers such as 2020 and 28.02.20 16.00 are no words").isEqualTo(16);
        assertThat(card.stopPhrase()).isEmpty();
    }

    @Test
    @DisplayName("the defaults hold the placeholders of the specification, in Russian and English, and ask for 3 words")
    void defaults() {
        assertThat(RULE.stopPhrases()).contains("НД", "перезвонить", "сбросил", "пообщались", "думает", "call back",
                "no answer", "thinking");
        assertThat(RULE.minimumWords()).isEqualTo(DetailedCommentRule.DEFAULT_MINIMUM_WORDS).isEqualTo(3);
        assertThat(RULE.stopWords()).contains("и", "the", "клиент");
        for (Policy preset : List.of(Policies.amoCrm(), Policies.bitrix24SalesDepartment(), Policies.onlyOffice())) {
            assertThat(preset.detailedComments()).as(preset.name()).isEqualTo(RULE);
            assertThat(preset.activityPeriod()).as(preset.name()).isEqualTo(Period.ofMonths(2));
        }
    }

    @Test
    @DisplayName("a verdict explains itself in English and Russian, naming the stop phrase and the counts")
    void explanations() {
        CommentVerdict placeholder = RULE.classify("НД, перезвонить");
        assertThat(placeholder.code()).isEqualTo("comment.placeholder");
        assertThat(placeholder.messageEn()).isEqualTo("«НД» is a placeholder, not a detailed comment: say what was "
                + "discussed with the client and what was agreed (0 meaningful words, at least 3 needed).");
        assertThat(placeholder.messageRu()).isEqualTo("«НД» — заглушка, а не развёрнутый комментарий: напишите, о чём "
                + "шла беседа с клиентом и к каким договорённостям пришли (значимых слов 0, нужно не меньше 3).");
        CommentVerdict tooShort = RULE.classify("Отправил КП");
        assertThat(tooShort.code()).isEqualTo("comment.too_short");
        assertThat(tooShort.message(Locale.ENGLISH)).isEqualTo("The comment is too short to be detailed (2 meaningful "
                + "words, at least 3 needed): say what was discussed with the client and what was agreed.");
        assertThat(tooShort.message(Locale.forLanguageTag("ru"))).startsWith("Комментарий слишком короткий")
                .contains("значимых слов 2, нужно не меньше 3");
        CommentVerdict detailed = RULE.classify(SEED_EXAMPLE);
        assertThat(detailed.code()).isEqualTo("comment.detailed");
        assertThat(detailed.messageEn()).isEqualTo("The comment is detailed: 16 meaningful words, at least 3 needed.");
        assertThat(detailed.messageRu()).isEqualTo("Комментарий развёрнутый: значимых слов 16, нужно не меньше 3.");
    }

    @Test
    @DisplayName("the classifier is policy: another minimum, more stop phrases, other stop words")
    void custom() {
        DetailedCommentRule strict = RULE.withMinimumWords(5).plusStopPhrases("отправил КП");
        assertThat(strict.classify("Готов оплачивать, назначили встречу"))
                .isEqualTo(new CommentVerdict(Reason.TOO_SHORT, Optional.empty(), 4, 5));
        assertThat(strict.classify("Отправил КП")).isEqualTo(new CommentVerdict(Reason.PLACEHOLDER,
                Optional.of("отправил КП"), 0, 5));
        assertThat(RULE.classify("Отправил КП").reason()).as("the defaults are unchanged").isEqualTo(Reason.TOO_SHORT);
        DetailedCommentRule own = DetailedCommentRule.of(List.of("no deal"), List.of("x"), 1);
        assertThat(own.classify("thinking").detailed()).as("only its own phrases").isTrue();
        assertThat(own.classify("No deal, x").reason()).isEqualTo(Reason.PLACEHOLDER);
        assertThat(own.withStopWords(List.of()).classify("No deal, x").meaningfulWords()).isEqualTo(1);
        assertThat(own.withStopPhrases(List.of("No-Deal!", "no deal")).stopPhrases()).as("each once, as first spelt")
                .containsExactly("No-Deal!");
        Policy policy = Policies.bitrix24SalesDepartment().toBuilder().detailedComments(strict)
                .activityPeriod(Period.ofWeeks(6)).build();
        assertThat(policy.detailedComments().minimumWords()).isEqualTo(5);
        assertThat(policy.activityPeriod()).isEqualTo(Period.ofDays(42));
        assertThat(RULE.withMinimumWords(3)).isEqualTo(RULE).hasSameHashCodeAs(RULE);
        assertThat(strict).isNotEqualTo(RULE).hasToString("DetailedCommentRule[" + strict.stopPhrases().size()
                + " stop phrases, " + RULE.stopWords().size() + " stop words, minimumWords=5]");
    }

    @Test
    @DisplayName("it refuses what it could not work with: no minimum, empty phrases, phrases as stop words, nulls")
    void invariants() {
        assertThatIllegalArgumentException().isThrownBy(() -> RULE.withMinimumWords(0)).withMessageContaining("minimumWords");
        assertThatIllegalArgumentException().isThrownBy(() -> RULE.plusStopPhrases(" ... ")).withMessageContaining("stop phrase");
        assertThatIllegalArgumentException().isThrownBy(() -> RULE.withStopWords(List.of("и т.д.")))
                .withMessageContaining("one word");
        assertThatNullPointerException().isThrownBy(() -> RULE.classify(null)).withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> RULE.plusStopPhrases((String) null)).withMessage("stopPhrases[]");
        assertThatNullPointerException().isThrownBy(() -> RULE.withStopWords(Arrays.asList("x", null)))
                .withMessage("stopWords[]");
        Policy bitrix = Policies.bitrix24SalesDepartment();
        assertThatIllegalArgumentException().isThrownBy(() -> bitrix.toBuilder().activityPeriod(Period.ZERO).build())
                .withMessageContaining("activityPeriod");
        assertThatIllegalArgumentException().isThrownBy(() -> bitrix.toBuilder().activityPeriod(Period.of(0, 2, -1))
                .build()).withMessageContaining("activityPeriod");
        assertThatIllegalArgumentException().isThrownBy(() -> new CommentVerdict(Reason.DETAILED, Optional.empty(), 2, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new CommentVerdict(Reason.PLACEHOLDER, Optional.empty(), 0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new CommentVerdict(Reason.TOO_SHORT, Optional.of("НД"), 0, 3));
    }

    @Test
    @DisplayName("one rule classifies from many threads at once and gives every thread the same verdicts")
    void sharedByThreads() throws Exception {
        List<String> comments = List.of("НД", SEED_EXAMPLE, "Отправил КП", "didn’t answer, will call back tomorrow",
                "Обсудили цену, согласен на рассрочку, договор в пятницу");
        List<CommentVerdict> expected = comments.stream().map(RULE::classify).toList();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CommentVerdict>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<CommentVerdict>> work = () -> {
                    start.await();
                    List<CommentVerdict> last = List.of();
                    for (int round = 0; round < 500; round++) {
                        last = comments.stream().map(RULE::classify).toList();
                        if (!last.equals(expected)) {
                            return last;
                        }
                    }
                    return last;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<List<CommentVerdict>> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
