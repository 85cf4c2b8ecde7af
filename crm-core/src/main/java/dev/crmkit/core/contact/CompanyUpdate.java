package dev.crmkit.core.contact;

import java.util.Objects;

/**
 * Changes to a stored company; what is not mentioned stays as it is:
 * {@code CompanyUpdate.changes().name("Horns & Hooves").addTag("vip")}. It is checked exactly as a new
 * company is (CON-2, CON-5). Not thread-safe.
 */
public final class CompanyUpdate extends ClientUpdate<CompanyUpdate, NewCompany> {

    private CompanyUpdate() {
    }

    /**
     * No changes yet.
     *
     * @return the update
     */
    public static CompanyUpdate changes() {
        return new CompanyUpdate();
    }

    @Override
    CompanyUpdate self() {
        return this;
    }

    /**
     * Renames the company.
     *
     * @param name the name
     * @return this update
     */
    public CompanyUpdate name(String name) {
        Objects.requireNonNull(name, "name");
        return change(f -> f.name(name));
    }
}
