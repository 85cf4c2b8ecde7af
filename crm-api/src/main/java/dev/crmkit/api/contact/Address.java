package dev.crmkit.api.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A postal address. Parts that are unknown are empty strings.
 *
 * <p>Each part is normalized and checked by the rules of {@link Text}: one line each, at most
 * {@value Limits#ADDRESS_STREET} code points for the street, {@value Limits#ADDRESS_PART} for the city,
 * region and country, {@value Limits#POSTAL_CODE} for the postal code, which is a code (no invisible
 * characters inside). A part that shows nothing is empty.
 *
 * @param street the street and building
 * @param city the city
 * @param region the region or state
 * @param postalCode the postal code
 * @param country the country
 */
public record Address(String street, String city, String region, String postalCode, String country) {

    /**
     * Rejects nulls, normalizes the parts and checks them.
     *
     * @throws NullPointerException if a part is null (an unknown part is empty)
     * @throws ValidationException listing every problem, with the {@code text.*} codes of {@link Text}
     *         and the part's name as path
     */
    public Address {
        List<Violation> violations = new ArrayList<>(0);
        street = clean("street", street, Limits.ADDRESS_STREET, false, violations);
        city = clean("city", city, Limits.ADDRESS_PART, false, violations);
        region = clean("region", region, Limits.ADDRESS_PART, false, violations);
        postalCode = clean("postalCode", postalCode, Limits.POSTAL_CODE, true, violations);
        country = clean("country", country, Limits.ADDRESS_PART, false, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static String clean(String path, String part, int max, boolean code, List<Violation> violations) {
        String text = Text.normalize(Objects.requireNonNull(part, path));
        // Checked even when blank: a control character or a broken one is an error, not an unknown part.
        violations.addAll(code ? Text.checkCode(path, text, max) : Text.check(path, text, max, false));
        return Text.isBlank(text) ? "" : text;
    }
}
