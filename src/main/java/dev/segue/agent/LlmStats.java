package dev.segue.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of the LLM path since start (for /api/system now, metrics later). */
@ApplicationScoped
public class LlmStats {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong callErrors = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final AtomicLong toolCalls = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong droppedIds = new AtomicLong();
    private final AtomicLong replacedReasons = new AtomicLong();

    void request() {
        requests.incrementAndGet();
    }

    void call(LlmClient.Call call) {
        calls.incrementAndGet();
        if (call.error() != null) {
            callErrors.incrementAndGet();
        }
        inputTokens.addAndGet(call.inputTokens() == null ? 0 : call.inputTokens());
        outputTokens.addAndGet(call.outputTokens() == null ? 0 : call.outputTokens());
    }

    void finished(AgentRun run, int dropped, int replaced) {
        toolCalls.addAndGet(run.toolCalls());
        droppedIds.addAndGet(dropped);
        replacedReasons.addAndGet(replaced);
    }

    void fallback() {
        fallbacks.incrementAndGet();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("requests", requests.get());
        out.put("llmCalls", calls.get());
        out.put("llmCallErrors", callErrors.get());
        out.put("inputTokens", inputTokens.get());
        out.put("outputTokens", outputTokens.get());
        out.put("toolCalls", toolCalls.get());
        out.put("fallbacks", fallbacks.get());
        out.put("droppedTrackIds", droppedIds.get());
        out.put("replacedReasons", replacedReasons.get());
        return out;
    }
}
