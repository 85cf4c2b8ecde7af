package dev.crmkit.core.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a comment is detailed (DEAL-7): it says what was discussed with the client and what was agreed,
 * not a placeholder such as «НД», «перезвонить», «сбросил», «пообщались», «думает», "call back" or
 * "no answer", which neither prolongs nor activates a deal (Bitrix24 sales department, rule 3).
 *
 * <p>A comment is detailed when it has at least {@link #minimumWords()} meaningful words: words that are
 * neither part of one of the {@link #stopPhrases()} nor one of the {@link #stopWords()} (conjunctions,
 * prepositions, pronouns, "client"). Numbers alone ({@code 28.02.20}, {@code 16:00}) are no words: a date
 * and a time to call back are still a placeholder. Comments and phrases are compared after Unicode
 * normalization (NFKC), ignoring case, punctuation and extra spaces, with «ё» read as «е»: «Н/Д», «н.д.» and
 * «н д» are one phrase, and so are "Call-back!" and "call back". A phrase matches whole words only
 * («думает» is not found in «продумает»).
 *
 * <p>The verdict ({@link CommentVerdict}) says why: {@code comment.placeholder} when a stop phrase was found
 * and too few meaningful words remain, {@code comment.too_short} when there are too few and no stop phrase,
 * {@code comment.detailed} otherwise; with the first stop phrase found and the counts.
 *
 * <p>{@link #defaults()} holds Russian and English phrases and words and asks for 3 meaningful words: the
 * seed's placeholders are one or two words, while the shortest comment that names a topic and an
 * agreement has three ("обсудили рассрочку, согласен"; "agreed delivery Friday"); its own example of a detailed
 * comment has about twenty. Change it with {@link #withMinimumWords}, {@link #plusStopPhrases} and the
 * other {@code with} methods. Immutable and thread-safe.
 */
public final class DetailedCommentRule {

    /** How many meaningful words {@link #defaults()} asks for. */
    public static final int DEFAULT_MINIMUM_WORDS = 3;

    private static final List<String> DEFAULT_STOP_PHRASES = List.of(
            // Russian: no answer, call back, hung up, "we talked", "is thinking", busy
            "НД", "Н/Д", "недозвон", "не дозвонился", "не дозвонилась", "не дозвонились", "нет дозвона",
            "нет ответа", "без ответа", "не отвечает", "не ответил", "не ответила", "не берёт трубку",
            "не взял трубку", "не взяла трубку", "абонент недоступен", "недоступен", "вне зоны доступа",
            "автоответчик", "перезвонить", "перезвоню", "перезвонит", "перезвон", "позвонить позже", "сбросил",
            "сбросила", "сбрасывает", "сброс", "пообщались", "пообщался", "пообщалась", "поговорили", "созвонились",
            "думает", "думают", "подумает", "подумают", "подумать", "занят", "занята", "неудобно говорить",
            "на связи",
            // English
            "call back", "callback", "call later", "will call back", "no answer", "not answering", "did not answer",
            "didn't answer", "no reply", "unreachable", "voicemail", "left a voicemail", "busy", "hung up",
            "dropped the call", "thinking", "thinking about it", "will think", "think about it", "talked",
            "chatted", "spoke");

    private static final List<String> DEFAULT_STOP_WORDS = List.of(
            "и", "а", "но", "да", "или", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "от", "до",
            "за", "из", "у", "для", "при", "про", "же", "ли", "бы", "то", "что", "чтобы", "как", "так", "он", "она",
            "они", "оно", "я", "мы", "вы", "ты", "его", "её", "их", "им", "ему", "ей", "мне", "нам", "вам", "меня",
            "нас", "вас", "это", "этот", "эта", "эти", "там", "тут", "уже", "ещё", "не", "ни", "ну", "вот", "пока",
            "тоже", "клиент", "клиента", "клиенту", "клиентом", "клиентка", "ок",
            "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "from", "he",
            "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "their", "our", "is",
            "was", "are", "were", "be", "been", "will", "would", "not", "so", "just", "yet", "still", "ok", "okay",
            "client", "customer");

    private static final DetailedCommentRule DEFAULTS = new DetailedCommentRule(DEFAULT_STOP_PHRASES,
            DEFAULT_STOP_WORDS, DEFAULT_MINIMUM_WORDS);

    /** The stop phrases as given, each once by its normalized form. */
    private final List<String> stopPhrases;
    /** The stop words as given, each once by its normalized form. */
    private final Set<String> stopWords;
    private final int minimumWords;
    /** The normalized words of each phrase, by the phrase's first word, longest first. */
    private final Map<String, List<Phrase>> phrasesByFirstWord;
    /** The normalized stop words. */
    private final Set<String> normalizedStopWords;

    /** A stop phrase as the rule lists it and as its normalized words. */
    private record Phrase(String spelling, List<String> words) {
    }

    private DetailedCommentRule(Collection<String> stopPhrases, Collection<String> stopWords, int minimumWords) {
        if (minimumWords < 1) {
            throw new IllegalArgumentException("minimumWords must be at least 1, was " + minimumWords);
        }
        this.minimumWords = minimumWords;
        Map<List<String>, String> phrases = new LinkedHashMap<>();
        for (String phrase : Objects.requireNonNull(stopPhrases, "stopPhrases")) {
            List<String> words = words(Objects.requireNonNull(phrase, "stopPhrases[]"));
            if (words.isEmpty()) {
                throw new IllegalArgumentException("a stop phrase needs a word or a number, was \"" + phrase + "\"");
            }
            phrases.putIfAbsent(words, phrase);
        }
        this.stopPhrases = List.copyOf(phrases.values());
        Map<String, List<Phrase>> byFirst = new HashMap<>();
        phrases.forEach((words, spelling) -> byFirst.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                .add(new Phrase(spelling, words)));
        byFirst.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed()));
        byFirst.replaceAll((first, list) -> List.copyOf(list));
        this.phrasesByFirstWord = Map.copyOf(byFirst);
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : Objects.requireNonNull(stopWords, "stopWords")) {
            List<String> normalized = words(Objects.requireNonNull(word, "stopWords[]"));
            if (normalized.size() != 1) {
                throw new IllegalArgumentException("a stop word is one word, was \"" + word + "\"; list a phrase "
                        + "among the stop phrases");
            }
            words.putIfAbsent(normalized.get(0), word);
        }
        this.stopWords = Collections.unmodifiableSet(new LinkedHashSet<>(words.values()));
        this.normalizedStopWords = Set.copyOf(words.keySet());
    }

    /**
     * The Russian and English defaults: the stop phrases of the seed («НД», «перезвонить», «сбросил»,
     * «пообщались», «думает») with their usual variants and English counterparts ("call back", "no answer",
     * "thinking", …), common function words as stop words, and {@value #DEFAULT_MINIMUM_WORDS} meaningful words.
     *
     * @return the rule
     */
    public static DetailedCommentRule defaults() {
        return DEFAULTS;
    }

    /**
     * A rule of one's own.
     *
     * @param stopPhrases the placeholders: phrases of one or more words that say nothing of what was agreed
     * @param stopWords words that carry no content, each a single word
     * @param minimumWords how many meaningful words a detailed comment needs, at least 1
     * @return the rule
     * @throws NullPointerException if a collection or an element is null
     * @throws IllegalArgumentException if {@code minimumWords} is below 1, a phrase has no word or a stop
     *         word is not one word
     */
    public static DetailedCommentRule of(Collection<String> stopPhrases, Collection<String> stopWords,
                                         int minimumWords) {
        return new DetailedCommentRule(stopPhrases, stopWords, minimumWords);
    }

    /**
     * The stop phrases, in the order given, each once (phrases that are equal once normalized count once).
     *
     * @return the phrases
     */
    public List<String> stopPhrases() {
        return stopPhrases;
    }

    /**
     * The stop words, in the order given, each once.
     *
     * @return the words
     */
    public Set<String> stopWords() {
        return stopWords;
    }

    /**
     * How many meaningful words a detailed comment needs.
     *
     * @return at least 1
     */
    public int minimumWords() {
        return minimumWords;
    }

    /**
     * The same rule asking for another number of meaningful words.
     *
     * @param value at least 1
     * @return the rule
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public DetailedCommentRule withMinimumWords(int value) {
        return new DetailedCommentRule(stopPhrases, stopWords, value);
    }

    /**
     * The same rule with other stop phrases.
     *
     * @param phrases the phrases
     * @return the rule
     * @throws NullPointerException if the collection or a phrase is null
     * @throws IllegalArgumentException if a phrase has no word
     */
    public DetailedCommentRule withStopPhrases(Collection<String> phrases) {
        return new DetailedCommentRule(phrases, stopWords, minimumWords);
    }

    /**
     * The same rule with more stop phrases.
     *
     * @param phrases the phrases to add
     * @return the rule
     * @throws NullPointerException if a phrase is null
     * @throws IllegalArgumentException if a phrase has no word
     */
    public DetailedCommentRule plusStopPhrases(String... phrases) {
        List<String> all = new ArrayList<>(stopPhrases);
        all.addAll(Arrays.asList(phrases));
        return new DetailedCommentRule(all, stopWords, minimumWords);
    }

    /**
     * The same rule with other stop words.
     *
     * @param words the words, each a single word
     * @return the rule
     * @throws NullPointerException if the collection or a word is null
     * @throws IllegalArgumentException if one is not a single word
     */
    public DetailedCommentRule withStopWords(Collection<String> words) {
        return new DetailedCommentRule(stopPhrases, words, minimumWords);
    }

    /**
     * Classifies a comment and says why.
     *
     * @param text the comment's text
     * @return the verdict
     * @throws NullPointerException if {@code text} is null
     */
    public CommentVerdict classify(String text) {
        List<String> words = words(Objects.requireNonNull(text, "text"));
        Optional<String> found = Optional.empty();
        int meaningful = 0;
        int i = 0;
        while (i < words.size()) {
            Phrase phrase = phraseAt(words, i);
            if (phrase != null) {
                if (found.isEmpty()) {
                    found = Optional.of(phrase.spelling());
                }
                i += phrase.words().size();
                continue;
            }
            String word = words.get(i);
            if (hasLetter(word) && !normalizedStopWords.contains(word)) {
                meaningful++;
            }
            i++;
        }
        CommentVerdict.Reason reason = meaningful >= minimumWords ? CommentVerdict.Reason.DETAILED
                : found.isPresent() ? CommentVerdict.Reason.PLACEHOLDER : CommentVerdict.Reason.TOO_SHORT;
        return new CommentVerdict(reason, found, meaningful, minimumWords);
    }

    /**
     * Whether a comment is detailed: {@code classify(text).detailed()}.
     *
     * @param text the comment's text
     * @return true when it is
     * @throws NullPointerException if {@code text} is null
     */
    public boolean isDetailed(String text) {
        return classify(text).detailed();
    }

    /** The longest stop phrase whose words start at {@code i}, or null. */
    private Phrase phraseAt(List<String> words, int i) {
        for (Phrase p : phrasesByFirstWord.getOrDefault(words.get(i), List.of())) {
            int n = p.words().size();
            if (i + n <= words.size() && words.subList(i, i + n).equals(p.words())) {
                return p;
            }
        }
        return null;
    }

    /**
     * The words of a text: NFKC-normalized, lower-case, «ё» as «е», split at everything that is neither a
     * letter, a digit nor a combining mark; an apostrophe between two letters stays inside its word
     * ("didn't"), with ’ and ʼ read as '.
     */
    static List<String> words(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isWordPart(c)) {
                word.appendCodePoint(c);
            } else if (isApostrophe(c) && word.length() > 0 && next < s.length() && Character.isLetter(s.codePointAt(next))
                    && Character.isLetter(word.codePointBefore(word.length()))) {
                word.append('\'');
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            i = next;
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isWordPart(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    private static boolean hasLetter(String word) {
        return word.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * Equal when the phrases, words (as given, in order) and minimum are.
     *
     * @param other another object
     * @return whether it is an equal rule
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DetailedCommentRule r && r.minimumWords == minimumWords
                && r.stopPhrases.equals(stopPhrases) && List.copyOf(r.stopWords).equals(List.copyOf(stopWords));
    }

    @Override
    public int hashCode() {
        return Objects.hash(stopPhrases, List.copyOf(stopWords), minimumWords);
    }

    /** The counts, not every phrase. */
    @Override
    public String toString() {
        return "DetailedCommentRule[" + stopPhrases.size() + " stop phrases, " + stopWords.size() + " stop words, "
                + "minimumWords=" + minimumWords + "]";
    }
}
