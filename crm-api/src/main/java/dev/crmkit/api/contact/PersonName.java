package dev.crmkit.api.contact;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person's name: first, middle (patronymic) and last name, each optional, at least one given.
 * Which parts are required is policy (CON-2), checked by the services.
 *
 * @param first the first name
 * @param middle the middle name or patronymic
 * @param last the last name
 */
public record PersonName(Optional<String> first, Optional<String> middle, Optional<String> last) {

    /**
     * Trims the parts, drops blank ones and requires at least one.
     *
     * @throws ValidationException {@code name.blank} when every part is blank
     */
    public PersonName {
        first = clean(first);
        middle = clean(middle);
        last = clean(last);
        if (first.isEmpty() && middle.isEmpty() && last.isEmpty()) {
            throw ValidationException.of(Violation.of("name", "name.blank"));
        }
    }

    private static Optional<String> clean(Optional<String> part) {
        Objects.requireNonNull(part, "part");
        return part.map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * A first and last name.
     *
     * @param first the first name
     * @param last the last name
     * @return the name
     * @throws ValidationException {@code name.blank} when both are blank
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
     * @throws ValidationException {@code name.blank} when all are blank
     */
    public static PersonName of(String first, String middle, String last) {
        return new PersonName(Optional.of(first), Optional.of(middle), Optional.of(last));
    }

    /**
     * A name written as one piece, such as {@code Ivan Petrov}, kept whole as the first name.
     *
     * @param name the name
     * @return the name
     * @throws ValidationException {@code name.blank} when blank
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
        return Stream.of(first, middle, last).flatMap(Optional::stream).collect(Collectors.joining(" "));
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
