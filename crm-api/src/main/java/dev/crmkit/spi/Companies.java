package dev.crmkit.spi;

import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;

/** The companies (organizations) (CON-1), with the lookups duplicate detection needs. */
public interface Companies extends Clients<CompanyId, Company> {
}
