package dev.segue.agent;

import dev.segue.config.SegueConfig;
import dev.segue.planner.Intent;
import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import dev.segue.trace.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one agent request: every track a tool returned (the only ids the model may pick), the bounds it has
 * used up, and the trace. Tools and the model listener write here; one request, one run.
 */
final class AgentRun {

    final Trace trace;
    final Intent intent;
    final SearchFilter hardFilter;
    private final SegueConfig.Llm limits;
    private final Map<String, Candidate> returned = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int toolCalls;
    private int invalidToolCalls;
    private int tokens;
    private int llmCalls;

    AgentRun(Trace trace, Intent intent, SearchFilter hardFilter, SegueConfig.Llm limits) {
        this.trace = trace;
        this.intent = intent;
        this.hardFilter = hardFilter;
        this.limits = limits;
    }

    synchronized void returned(Collection<Candidate> candidates) {
        int before = returned.size();
        for (Candidate c : candidates) {
            returned.merge(c.track().id(), c, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        if (returned.size() > before) {
            trace.progress("tracks", Map.of("found", returned.size()));
        }
    }

    synchronized boolean wasReturned(String id) {
        return returned.containsKey(id);
    }

    synchronized List<Candidate> candidates() {
        return new ArrayList<>(returned.values());
    }

    synchronized void toolCall() {
        if (++toolCalls > limits.maxToolCalls()) {
            throw new AgentStopped("the LLM made more than " + limits.maxToolCalls() + " tool calls");
        }
    }

    /** A malformed or unknown tool call: answered to the model as an error a few times, then the run stops. */
    synchronized void invalidToolCall() {
        if (++invalidToolCalls > limits.maxInvalidToolCalls()) {
            throw new AgentStopped("the LLM made more than " + limits.maxInvalidToolCalls() + " invalid tool calls");
        }
    }

    synchronized void llmCall(LlmClient.Call call) {
        llmCalls++;
        tokens += (call.inputTokens() == null ? 0 : call.inputTokens())
                + (call.outputTokens() == null ? 0 : call.outputTokens());
        trace.llmCall(
                call.model(), call.ms(), call.inputTokens(), call.outputTokens(), call.finishReason(), call.error());
    }

    /** Checked before every LLM call. */
    synchronized void checkTokenBudget() {
        if (tokens > limits.maxTokens()) {
            throw new AgentStopped("the request used its token budget (" + tokens + " of " + limits.maxTokens() + ")");
        }
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized int toolCalls() {
        return toolCalls;
    }

    synchronized int llmCalls() {
        return llmCalls;
    }

    synchronized int tokens() {
        return tokens;
    }
}
