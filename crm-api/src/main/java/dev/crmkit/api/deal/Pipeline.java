package dev.crmkit.api.deal;

import dev.crmkit.api.Entity;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered list of stages a deal moves through (DEAL-2).
 *
 * <p>Its stages always end with exactly one Won and one Lost stage, in that order; stage ids and names are
 * unique within the pipeline. Pipelines are ordered among themselves by {@code position}.
 *
 * @param id the pipeline's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param name the pipeline's name, never blank
 * @param position the place of the pipeline among all pipelines, from 0
 * @param stages the stages in order, ending with Won and Lost
 */
public record Pipeline(
        PipelineId id,
        long version,
        Instant created,
        Instant updated,
        String name,
        int position,
        List<Stage> stages) implements Entity<PipelineId> {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Pipeline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stages, "stages");
        stages = List.copyOf(stages);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Stage.checkOrder(stages);
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
        b.name = name;
        b.position = position;
        b.stages = stages;
        return b;
    }

    /**
     * Finds a stage of this pipeline.
     *
     * @param stageId the stage to look for
     * @return the stage, or empty when it is not one of this pipeline's
     */
    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /**
     * The first open stage, where new deals start unless told otherwise.
     *
     * @return the first stage that is neither Won nor Lost
     */
    public Stage firstStage() {
        return stages.get(0);
    }

    /**
     * The Won stage.
     *
     * @return the stage of kind {@link StageKind#WON}
     */
    public Stage wonStage() {
        return stages.get(stages.size() - 2);
    }

    /**
     * The Lost stage.
     *
     * @return the stage of kind {@link StageKind#LOST}
     */
    public Stage lostStage() {
        return stages.get(stages.size() - 1);
    }

    /** Builds {@link Pipeline} values; not thread-safe. */
    public static final class Builder {
        private PipelineId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private String name;
        private int position = 0;
        private List<Stage> stages = List.of();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the pipeline's id
         * @return this builder
         */
        public Builder id(PipelineId value) {
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
         * Sets name.
         *
         * @param value the pipeline's name, never blank
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets position.
         *
         * @param value the place of the pipeline among all pipelines, from 0
         * @return this builder
         */
        public Builder position(int value) {
            this.position = value;
            return this;
        }

        /**
         * Sets stages.
         *
         * @param value the stages in order, ending with Won and Lost
         * @return this builder
         */
        public Builder stages(Collection<? extends Stage> value) {
            this.stages = List.copyOf(value);
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new Pipeline
         * @throws NullPointerException if a required value was not set
         */
        public Pipeline build() {
            return new Pipeline(id, version, created, updated, name, position, stages);
        }
    }
}
