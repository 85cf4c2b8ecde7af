package dev.crmkit.spi;

import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import java.util.List;

/** The pipelines with their stages (DEAL-2). */
public interface Pipelines extends Store<PipelineId, Pipeline> {

    /**
     * Every pipeline, by position and then id.
     *
     * @return the pipelines
     */
    List<Pipeline> all();
}
