package dev.crmkit.api.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's name: first, middle (patronymic) and last name, each optional, at least one given.
 * Which parts are required is policy (CON-2), checked by the services.
 *
 * <p>Each part is normalized and checked by the rules of {@link Text} (single line, at most
 * {@value Limits#PERSON_NAME_PART} code points); a part that shows nothing (only spaces, no-break or
 * zero-width spaces) is no part.
 *
 * @param first the first name
 * @param middle the middle name or patronymic
 * @param last the last name
 */
public record PersonName(Optional<String> first, Optional<String> middle, Optional<String> last) {

    /**
     * Normalizes the parts, drops blank ones, checks the rest and requires at least one.
     *
     * @throws NullPointerException if a component is null (an absent part is {@code Optional.empty()})
     * @throws ValidationException listing every problem: {@code name.blank} when every part is blank, and
     *         the {@code text.*} codes of {@link Text#check} per part (paths {@code first}, {@code middle},
     *         {@code last})
     */
    public PersonName {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(last, "last");
        List<Violation> violations = new ArrayList<>(0);
        first = clean("first", first, violations);
        middle = clean("middle", middle, violations);
        last = clean("last", last, violations);
        if (first.isEmpty() && middle.isEmpty() && last.isEmpty()) {
            violations.add(Violation.of("", "name.blank"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static Optional<String> clean(String path, Optional<String> part, List<Violation> violations) {
        String text = Text.normalize(part.orElse(null));
        if (text == null) {
            return Optional.empty();
        }
        // Checked even when blank: a control character or a broken one is an error, not an absent part.
        violations.addAll(Text.check(path, text, Limits.PERSON_NAME_PART, false));
        return Text.isBlank(text) ? Optional.empty() : Optional.of(text);
    }

    /**
     * A first and last name.
     *
     * @param first the first name
     * @param last the last name
     * @return the name
     * @throws ValidationException {@code name.blank} when both are blank, or a part breaks the text rules
     */
    public static PersonName of(String first, String last) {
        return new PersonName(Optional.of(first), Optional.empty(), Optional.of(last));
    }

    /**
     * A first, middle and last name.
     *
     * @param first the first name
     * @param middle the middle name or patronymic
     * @param last the last name
     * @return the name
     * @throws ValidationException {@code name.blank} when all are blank, or a part breaks the text rules
     */
    public static PersonName of(String first, String middle, String last) {
        return new PersonName(Optional.of(first), Optional.of(middle), Optional.of(last));
    }

    /**
     * A name written as one piece, such as {@code Ivan Petrov}, kept whole as the first name.
     *
     * @param name the name
     * @return the name
     * @throws ValidationException {@code name.blank} when blank, or the name breaks the text rules
     */
    public static PersonName single(String name) {
        return new PersonName(Optional.of(name), Optional.empty(), Optional.empty());
    }

    /**
     * The parts that are given, joined by spaces in first–middle–last order.
     *
     * @return the full name
     */
    public String full() {
        StringBuilder full = new StringBuilder();
        boolean any = false;
        for (Optional<String> part : List.of(first, middle, last)) {
            if (part.isPresent()) {
                full.append(any ? " " : "").append(part.get());
                any = true;
            }
        }
        return full.toString();
    }

    /**
     * The match key of the full name (CON-5), see {@link Names#matchKey(String)}.
     *
     * @return the key
     */
    public String matchKey() {
        return Names.matchKey(full());
    }

    @Override
    public String toString() {
        return full();
    }
}
