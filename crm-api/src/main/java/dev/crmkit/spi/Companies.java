package dev.crmkit.spi;

import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;

/** The companies (CON-1). */
public interface Companies extends Store<CompanyId, Company> {

}
