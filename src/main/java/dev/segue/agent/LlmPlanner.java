package dev.segue.agent;

import dev.segue.config.SegueConfig;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.Intent;
import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Planner;
import dev.segue.planner.PromptRefused;
import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.Dependent;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The LLM planner: an agent that reads the prompt, calls the retrieval tools, and answers with its own ordered
 * selection. It is bounded (tool calls, tokens, invalid calls, a timeout per call and per request) and grounded
 * (only ids a tool returned in this request survive; reasons are checked against the tracks' facts). When the
 * provider is slow, down or talks nonsense, the offline planner answers instead, and the playlist says why.
 *
 * <p>Its parts: {@link AgentMessages} (what the model reads), {@link AgentServices} (the LangChain4j AI service with
 * its tools and bounds), {@link Grounding} (what survives of the answer) and {@link LlmFailures} (what a failure
 * means). They are created with it, and it only when an LLM is configured.
 */
@Dependent
public class LlmPlanner implements Planner {

    public static final String AGENT_PROMPT = "playlist-agent";
    private static final Logger LOG = Logger.getLogger(LlmPlanner.class);

    /** The agent's final message, or why it stopped before answering (a bound, or a loop that broke). */
    private record Reply(String text, String stopped) {}

    private final OfflinePlanner offline;
    private final SearchTools tools;
    private final TextEmbedder embedder;
    private final SegueConfig.Llm settings;
    private final LlmStats stats;
    private final AgentMessages messages;
    private final AgentServices agents;
    private final Grounding grounding;
    private final Guard requestGuard;

    /** Created only when segue.llm.base-url is set (see {@link PlannerProducer}). */
    LlmPlanner(
            SegueConfig config,
            OfflinePlanner offline,
            SearchTools tools,
            TextEmbedder embedder,
            LlmStats stats,
            AgentMessages messages,
            AgentServices agents,
            Grounding grounding) {
        this.settings = config.llm();
        this.offline = offline;
        this.tools = tools;
        this.embedder = embedder;
        this.stats = stats;
        this.messages = messages;
        this.agents = agents;
        this.grounding = grounding;
        this.requestGuard = Guard.create()
                .withDescription("llm-request")
                .withTimeout()
                .duration(settings.requestTimeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
    }

    @Override
    public String name() {
        return "llm";
    }

    public String model() {
        return agents.model();
    }

    /** One guarded completion without tools (the DJ host's lines); empty when the provider fails. */
    public Optional<String> complete(String system, String user) {
        try {
            return agents.complete(system, user);
        } catch (RuntimeException e) {
            LOG.debugf("LLM completion failed (%s); using a template", LlmFailures.describe(e));
            return Optional.empty();
        }
    }

    public boolean hasPromptVersion(String version) {
        return messages.hasVersion(version);
    }

    @Override
    public Plan plan(PlanRequest request, Trace trace) {
        stats.request();
        trace.progress("planning", Map.of("planner", name(), "model", model()));
        long start = System.nanoTime();
        try {
            return requestGuard.call(() -> runAgent(request, trace), Plan.class);
        } catch (PromptRefused refused) {
            throw refused;
        } catch (Exception e) {
            // The offline planner needs the same store: answer 503 at once, do not retry offline.
            LlmFailures.rethrowIfStoreDown(e);
            return fallBack(request, trace, e, start);
        }
    }

    /** The provider failed, was too slow, or the agent found nothing: the offline planner answers, with a note. */
    private Plan fallBack(PlanRequest request, Trace trace, Exception e, long start) {
        String why = LlmFailures.describe(e);
        LOG.warnf(
                "LLM planner failed after %.0f ms (%s); falling back to the offline planner",
                Trace.millisSince(start), why);
        trace.note("llm fallback", Trace.millisSince(start), why);
        trace.progress("fallback", Map.of("planner", "offline", "reason", why));
        stats.fallback();
        Thread.interrupted(); // a timed-out run leaves the interrupt flag set; the offline planner must not see it
        return offline.plan(request, trace)
                .withPlanner(
                        "offline",
                        List.of("the LLM planner failed (" + why + "), so the offline planner made this playlist"));
    }

    private Plan runAgent(PlanRequest request, Trace trace) {
        String version = messages.version(request);
        String system = messages.system(version);
        Intent intent = trace.step("parse prompt", () -> offline.intentOf(request));
        SearchFilter hard = OfflinePlanner.hardFilter(intent, request.excludeTrackIds(), tools.catalog());
        AgentRun run = new AgentRun(trace, intent, hard, settings);
        if (request.isRefinement()) {
            grounding.allowPrevious(run, request);
        }
        String message = messages.userMessage(request, intent);
        PlaylistAgent agent = agents.create(run, system, request.conversation());
        long start = System.nanoTime();
        Reply reply = ask(agent, message);
        noteAgent(trace, start, version, run, reply.stopped());

        AgentAnswer answer = AgentAnswer.parse(reply.text()).orElse(null);
        if (answer != null && answer.refusal() != null && answer.tracks().isEmpty()) {
            throw new PromptRefused(ModelText.clip(answer.refusal(), 300));
        }
        List<Candidate> candidates = run.candidates();
        if (candidates.isEmpty()) {
            throw new IllegalStateException(
                    reply.stopped() != null
                            ? reply.stopped()
                            : answer == null
                                    ? "the LLM gave no usable answer and no tool found tracks"
                                    : "no tool returned any track");
        }
        Grounding.Grounded grounded = grounding.ground(answer, run);
        trace.note(
                "grounding",
                0,
                String.format(
                        Locale.ROOT,
                        "%d candidates from tools; %d unknown ids dropped; %d reasons replaced",
                        candidates.size(),
                        grounded.dropped(),
                        grounded.replaced()));
        stats.finished(run, grounded.dropped(), grounded.replaced());

        Intent planned = answer == null ? intent : grounding.withExclusions(intent, answer);
        SearchFilter hardFilter = OfflinePlanner.hardFilter(planned, request.excludeTrackIds(), tools.catalog());
        float[] queryVector = embedder.embed(planned.queryText());
        return new Plan(
                planned,
                toppedUp(candidates, planned, request, trace),
                queryVector,
                hardFilter,
                name(),
                notes(reply.stopped(), grounded),
                grounded.selection(),
                AgentMessages.nextConversation(request.conversation(), message, grounded.selection()));
    }

    /** Bounds and broken loops end the agent with what its tools found; provider failures end the LLM path. */
    private static Reply ask(PlaylistAgent agent, String message) {
        try {
            return new Reply(agent.plan(message), null);
        } catch (AgentStopped e) {
            return new Reply(null, e.getMessage());
        } catch (RuntimeException e) {
            LlmFailures.rethrowIfStoreDown(e);
            if (LlmFailures.isProviderFailure(e) || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return new Reply(null, "the agent loop failed: " + LlmFailures.brief(e));
        }
    }

    private static void noteAgent(Trace trace, long start, String version, AgentRun run, String stopped) {
        trace.note(
                "agent",
                Trace.millisSince(start),
                String.format(
                        Locale.ROOT,
                        "prompt %s.%s, %d LLM calls, %d tool calls, %d tokens%s",
                        AGENT_PROMPT,
                        version,
                        run.llmCalls(),
                        run.toolCalls(),
                        run.tokens(),
                        stopped == null ? "" : "; stopped: " + stopped));
    }

    private static List<String> notes(String stopped, Grounding.Grounded grounded) {
        List<String> notes = new ArrayList<>();
        if (stopped != null) {
            notes.add(stopped + "; the playlist was assembled from the tracks its tools had found");
        }
        if (grounded.selection() != null) {
            if (grounded.dropped() > 0) {
                notes.add("dropped " + grounded.dropped() + " track id(s) the LLM named but no tool had returned");
            }
        } else if (stopped == null) {
            notes.add(
                    "the LLM did not return a usable selection; the playlist was assembled from the tracks its tools found");
        }
        return notes;
    }

    /**
     * The LLM's picks come first; the offline planner's searches give the assembler enough to fill the size asked
     * for when the picks run short or break a constraint.
     */
    private List<Candidate> toppedUp(List<Candidate> candidates, Intent planned, PlanRequest request, Trace trace) {
        Map<String, Candidate> pool = new LinkedHashMap<>();
        candidates.forEach(c -> pool.put(c.track().id(), c));
        trace.step("top up candidates", () -> offline.retrieve(planned, request, trace))
                .candidates()
                .forEach(c -> pool.putIfAbsent(c.track().id(), c));
        return new ArrayList<>(pool.values());
    }
}
