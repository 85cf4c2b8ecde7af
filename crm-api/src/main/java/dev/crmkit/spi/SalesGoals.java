package dev.crmkit.spi;

import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
import java.util.List;

/** The sales goals admins set (AN-8); there are few ({@link dev.crmkit.api.Limits#GOALS} at most). */
public interface SalesGoals extends Store<SalesGoalId, SalesGoal> {

    /**
     * Every goal, by id.
     *
     * @return the goals
     */
    List<SalesGoal> all();
}
