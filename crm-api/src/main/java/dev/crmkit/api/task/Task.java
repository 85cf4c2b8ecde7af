package dev.crmkit.api.task;

import dev.crmkit.api.Entity;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a user has to do by a deadline, attached to a record (TASK-1).
 *
 * @param id the task's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param type the task type from the admin-managed list
 * @param text what has to be done
 * @param deadline when it has to be done
 * @param reminder when to remind the assignee
 * @param assignee who has to do it
 * @param author who created it
 * @param notifyAssignee whether the assignee is notified
 * @param owner the record the task belongs to
 * @param closed when the task was closed; empty while it is open
 * @param result the outcome, which may be added after closing
 */
public record Task(
        TaskId id,
        long version,
        Instant created,
        Instant updated,
        TaskTypeId type,
        String text,
        Instant deadline,
        Reminder reminder,
        UserId assignee,
        UserId author,
        boolean notifyAssignee,
        RecordRef owner,
        Optional<Instant> closed,
        Optional<String> result) implements Entity<TaskId> {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(reminder, "reminder");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(result, "result");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    /**
     * Starts a builder; required values must be set before {@link Builder#build()}.
     *
     * @return an empty builder with the documented defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this record's values, to derive a changed copy.
     *
     * @return a builder initialised from this record
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.version = version;
        b.created = created;
        b.updated = updated;
        b.type = type;
        b.text = text;
        b.deadline = deadline;
        b.reminder = reminder;
        b.assignee = assignee;
        b.author = author;
        b.notifyAssignee = notifyAssignee;
        b.owner = owner;
        b.closed = closed;
        b.result = result;
        return b;
    }

    /**
     * Whether the task is still open.
     *
     * @return true until the task is closed
     */
    public boolean isOpen() {
        return closed.isEmpty();
    }

    /** Builds {@link Task} values; not thread-safe. */
    public static final class Builder {
        private TaskId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private TaskTypeId type;
        private String text;
        private Instant deadline;
        private Reminder reminder = Reminder.DAY_BEFORE;
        private UserId assignee;
        private UserId author;
        private boolean notifyAssignee = true;
        private RecordRef owner;
        private Optional<Instant> closed = Optional.empty();
        private Optional<String> result = Optional.empty();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the task's id
         * @return this builder
         */
        public Builder id(TaskId value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /**
         * Sets version.
         *
         * @param value the optimistic-locking version, 1 for a new record
         * @return this builder
         */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /**
         * Sets created.
         *
         * @param value when the record was created
         * @return this builder
         */
        public Builder created(Instant value) {
            this.created = Objects.requireNonNull(value, "created");
            return this;
        }

        /**
         * Sets updated.
         *
         * @param value when the record was last changed
         * @return this builder
         */
        public Builder updated(Instant value) {
            this.updated = Objects.requireNonNull(value, "updated");
            return this;
        }

        /**
         * Sets type.
         *
         * @param value the task type from the admin-managed list
         * @return this builder
         */
        public Builder type(TaskTypeId value) {
            this.type = Objects.requireNonNull(value, "type");
            return this;
        }

        /**
         * Sets text.
         *
         * @param value what has to be done
         * @return this builder
         */
        public Builder text(String value) {
            this.text = Objects.requireNonNull(value, "text");
            return this;
        }

        /**
         * Sets deadline.
         *
         * @param value when it has to be done
         * @return this builder
         */
        public Builder deadline(Instant value) {
            this.deadline = Objects.requireNonNull(value, "deadline");
            return this;
        }

        /**
         * Sets reminder.
         *
         * @param value when to remind the assignee
         * @return this builder
         */
        public Builder reminder(Reminder value) {
            this.reminder = Objects.requireNonNull(value, "reminder");
            return this;
        }

        /**
         * Sets assignee.
         *
         * @param value who has to do it
         * @return this builder
         */
        public Builder assignee(UserId value) {
            this.assignee = Objects.requireNonNull(value, "assignee");
            return this;
        }

        /**
         * Sets author.
         *
         * @param value who created it
         * @return this builder
         */
        public Builder author(UserId value) {
            this.author = Objects.requireNonNull(value, "author");
            return this;
        }

        /**
         * Sets notifyAssignee.
         *
         * @param value whether the assignee is notified
         * @return this builder
         */
        public Builder notifyAssignee(boolean value) {
            this.notifyAssignee = value;
            return this;
        }

        /**
         * Sets owner.
         *
         * @param value the record the task belongs to
         * @return this builder
         */
        public Builder owner(RecordRef value) {
            this.owner = Objects.requireNonNull(value, "owner");
            return this;
        }

        /**
         * Sets closed.
         *
         * @param value when the task was closed; empty while it is open
         * @return this builder
         */
        public Builder closed(Optional<Instant> value) {
            this.closed = Objects.requireNonNull(value, "closed");
            return this;
        }

        /**
         * Sets closed to a present value.
         *
         * @param value when the task was closed; empty while it is open
         * @return this builder
         */
        public Builder closed(Instant value) {
            this.closed = Optional.of(value);
            return this;
        }

        /**
         * Sets result.
         *
         * @param value the outcome, which may be added after closing
         * @return this builder
         */
        public Builder result(Optional<String> value) {
            this.result = Objects.requireNonNull(value, "result");
            return this;
        }

        /**
         * Sets result to a present value.
         *
         * @param value the outcome, which may be added after closing
         * @return this builder
         */
        public Builder result(String value) {
            this.result = Optional.of(value);
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new Task
         * @throws NullPointerException if a required value was not set
         */
        public Task build() {
            return new Task(id, version, created, updated, type, text, deadline, reminder, assignee, author, notifyAssignee, owner, closed, result);
        }
    }
}
