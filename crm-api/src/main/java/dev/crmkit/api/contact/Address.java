package dev.crmkit.api.contact;

import java.util.Objects;

/**
 * A postal address. Parts that are unknown are empty strings.
 *
 * @param street the street and building
 * @param city the city
 * @param region the region or state
 * @param postalCode the postal code
 * @param country the country
 */
public record Address(String street, String city, String region, String postalCode, String country) {

    /** Rejects nulls and trims the parts. */
    public Address {
        street = Objects.requireNonNull(street, "street").strip();
        city = Objects.requireNonNull(city, "city").strip();
        region = Objects.requireNonNull(region, "region").strip();
        postalCode = Objects.requireNonNull(postalCode, "postalCode").strip();
        country = Objects.requireNonNull(country, "country").strip();
    }
}
