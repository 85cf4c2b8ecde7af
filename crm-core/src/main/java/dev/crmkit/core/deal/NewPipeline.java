package dev.crmkit.core.deal;

import java.util.ArrayList;
import java.util.List;

/**
 * The input for creating a pipeline: a name, its open stages in order with their probabilities, and
 * the names of its Won and Lost stages (by default "Won" at 100 % and "Lost" at 0 %). Not thread-safe.
 */
public final class NewPipeline {

    /**
     * An open stage to create.
     *
     * @param name the name
     * @param probability the success probability in percent, 0 to 100
     */
    public record StageSpec(String name, int probability) {
    }

    private final String name;
    private final List<StageSpec> stages = new ArrayList<>();
    private String won = "Won";
    private String lost = "Lost";

    private NewPipeline(String name) {
        this.name = name;
    }

    /**
     * A pipeline with a name.
     *
     * @param name the name
     * @return the command
     */
    public static NewPipeline named(String name) {
        return new NewPipeline(name);
    }

    /**
     * Appends an open stage.
     *
     * @param stageName its name
     * @param probability its success probability, 0 to 100
     * @return this command
     */
    public NewPipeline stage(String stageName, int probability) {
        stages.add(new StageSpec(stageName, probability));
        return this;
    }

    /**
     * Names the Won stage.
     *
     * @param stageName the name
     * @return this command
     */
    public NewPipeline won(String stageName) {
        this.won = stageName;
        return this;
    }

    /**
     * Names the Lost stage.
     *
     * @param stageName the name
     * @return this command
     */
    public NewPipeline lost(String stageName) {
        this.lost = stageName;
        return this;
    }

    String name() {
        return name;
    }

    List<StageSpec> stages() {
        return stages;
    }

    String wonName() {
        return won;
    }

    String lostName() {
        return lost;
    }
}
