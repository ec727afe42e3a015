package dev.segue.agent;

import dev.segue.config.SegueConfig;
import dev.segue.planner.OfflinePlanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Whether an LLM plans: only when segue.llm.base-url is set; otherwise every request is planned offline. */
@ApplicationScoped
class PlannerProducer {

    private static final Logger LOG = Logger.getLogger(PlannerProducer.class);

    @Produces
    @Singleton
    Planners planners(SegueConfig config, OfflinePlanner offline, Instance<LlmPlanner> llm) {
        Optional<String> baseUrl = config.llm().baseUrl().filter(url -> !url.isBlank());
        if (baseUrl.isEmpty()) {
            LOG.info("planner: offline (no segue.llm.base-url configured)");
            return new Planners(offline, Optional.empty());
        }
        LlmPlanner planner = llm.get();
        LOG.infof(
                "planner: LLM %s at %s (prompt %s.%s), offline as fallback",
                planner.model(),
                baseUrl.get(),
                LlmPlanner.AGENT_PROMPT,
                config.prompts().agent());
        return new Planners(offline, Optional.of(planner));
    }
}
