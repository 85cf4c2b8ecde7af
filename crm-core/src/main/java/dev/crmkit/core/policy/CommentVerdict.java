package dev.crmkit.core.policy;

import dev.crmkit.api.MessageCatalog;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DetailedCommentRule#classify(String)} said of a comment (DEAL-7), and why: a stable reason, the
 * first stop phrase the comment contains, and how many meaningful words it has against how many the rule
 * asks for. {@link #messageEn()} and {@link #messageRu()} explain the verdict to a person.
 *
 * @param reason why the comment is or is not detailed
 * @param stopPhrase the first stop phrase found in the comment, spelt as the rule lists it; reported whatever
 *        the verdict (a detailed comment may contain one too)
 * @param meaningfulWords the words that are neither part of a stop phrase nor stop words; numbers alone
 *        are no words
 * @param requiredWords how many meaningful words a detailed comment needs
 */
public record CommentVerdict(Reason reason, Optional<String> stopPhrase, int meaningfulWords, int requiredWords) {

    /**
     * The texts of the reasons, in crm-core's message files. This package cannot use
     * {@code dev.crmkit.core.support}, which depends on it, so it reads the same files itself.
     */
    private static final MessageCatalog MESSAGES = MessageCatalog.load(
            name -> CommentVerdict.class.getResourceAsStream("/dev/crmkit/core/support/" + name));

    /** Why a comment is or is not detailed. */
    public enum Reason {
        /** It has at least the required number of meaningful words. */
        DETAILED("comment.detailed"),
        /** It has fewer meaningful words than required, and a stop phrase: a placeholder such as «НД». */
        PLACEHOLDER("comment.placeholder"),
        /** It has fewer meaningful words than required and no stop phrase. */
        TOO_SHORT("comment.too_short");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /**
         * The stable code of the reason, such as {@code comment.placeholder}.
         *
         * @return the code
         */
        public String code() {
            return code;
        }
    }

    /**
     * Checks the verdict: a placeholder names its stop phrase, and the counts fit the reason.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts or the stop phrase contradict the reason
     */
    public CommentVerdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stopPhrase, "stopPhrase");
        if (meaningfulWords < 0 || requiredWords < 1) {
            throw new IllegalArgumentException("word counts must be at least 0 and 1, were " + meaningfulWords
                    + " and " + requiredWords);
        }
        if ((reason == Reason.DETAILED) != (meaningfulWords >= requiredWords)) {
            throw new IllegalArgumentException(reason + " does not fit " + meaningfulWords + " of " + requiredWords
                    + " words");
        }
        if ((reason == Reason.PLACEHOLDER && stopPhrase.isEmpty()) || (reason == Reason.TOO_SHORT && stopPhrase.isPresent())) {
            throw new IllegalArgumentException(reason + " does not fit the stop phrase " + stopPhrase);
        }
    }

    /**
     * Whether the comment is detailed: it says what was discussed and agreed.
     *
     * @return true for {@link Reason#DETAILED}
     */
    public boolean detailed() {
        return reason == Reason.DETAILED;
    }

    /**
     * The stable code of the reason: {@code comment.detailed}, {@code comment.placeholder} or
     * {@code comment.too_short}.
     *
     * @return the code
     */
    public String code() {
        return reason.code();
    }

    /**
     * The explanation in English.
     *
     * @return the text
     */
    public String messageEn() {
        return MESSAGES.violation("", reason.code(), args()).messageEn();
    }

    /**
     * The explanation in Russian.
     *
     * @return the text
     */
    public String messageRu() {
        return MESSAGES.violation("", reason.code(), args()).messageRu();
    }

    /**
     * The explanation in a reader's language: Russian for {@code ru}, otherwise English.
     *
     * @param locale the reader's locale
     * @return the text
     */
    public String message(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? messageRu() : messageEn();
    }

    private Object[] args() {
        return new Object[] {stopPhrase.orElse(""), meaningfulWords, requiredWords};
    }
}
