package dev.crmkit.api;

/** A record the operation names does not exist (or is not visible to the acting user). */
public class NotFoundException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final transient RecordRef record;

    /**
     * Creates the exception.
     *
     * @param record the record that was not found
     */
    public NotFoundException(RecordRef record) {
        super(record + " not found");
        this.record = record;
    }

    /**
     * Creates the exception for a typed id.
     *
     * @param id the id that was not found
     * @return the exception
     */
    public static NotFoundException of(EntityId id) {
        return new NotFoundException(RecordRef.of(id));
    }

    /**
     * The record that was not found.
     *
     * @return the record reference
     */
    public RecordRef record() {
        return record;
    }
}
