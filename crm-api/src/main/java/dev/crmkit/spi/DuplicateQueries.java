package dev.crmkit.spi;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.MatchField;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An optional capability of a storage adapter (CON-5): the first, coarse step of a duplicate scan done where the
 * data lives, so that a scan of a large store reads only the contacts that may be duplicates instead of every
 * contact. A transaction offers it through {@link Transaction#duplicates()}; crm-core then groups the candidates
 * exactly as it groups all contacts without the capability, and the TCK checks that both ways give the same
 * clusters.
 *
 * <p>A contact's <i>index values</i> of a field are what the adapter stores for lookups: for {@link
 * MatchField#PHONE} the {@linkplain dev.crmkit.api.phone.PhoneNumber#indexKey() index keys} of its numbers, for
 * {@link MatchField#EMAIL} its {@linkplain dev.crmkit.api.contact.Email#normalized() normalized} e-mails, for
 * {@link MatchField#NAME} its name's {@linkplain dev.crmkit.api.contact.PersonName#matchKey() match key} when
 * that is not empty, for {@link MatchField#BIRTH_DATE} its birth date. Implementations must be safe to call from
 * the transaction's thread only, like every port, and see the transaction's own writes.
 */
public interface DuplicateQueries {

    /**
     * The stored contacts that share, for at least one of the combinations, one index value of every field of
     * the combination with another stored contact: for {@code [{PHONE}, {EMAIL}]}, those with a phone index key
     * or an e-mail that another contact also has; for {@code [{NAME, PHONE}]}, those with the same name key and a
     * common phone index key as another. Every contact that duplicates another under a rule made of these
     * combinations is among them (equal matcher keys mean equal index keys), and more may be.
     *
     * <p>The contacts themselves are returned, not their ids, so that a scan does not read them back one by one:
     * each as the transaction sees it (its own updates applied, its deletions gone), each once.
     *
     * @param combinations the field combinations of a duplicate rule, each non-empty
     * @return the candidates, in no particular order; empty for no combinations. The caller closes the stream; an
     *         adapter may read them from its store as the stream is consumed, within the transaction
     * @throws IllegalArgumentException if a combination is empty
     */
    Stream<Contact> contactCandidates(List<Set<MatchField>> combinations);
}
