package dev.segue.experiment;

/**
 * The metrics of a report. Each is one value per listener (their own rate), averaged over listeners, except p95
 * latency, taken over the arm's exposures with an interval from resampling listeners. Guardrails are what a treatment
 * must not make worse, whatever it improves.
 */
public enum Metric {
    SKIP_RATE("skipRate", "skip rate", false, false),
    LIKE_RATE("likeRate", "like rate", true, false),
    COMPLETION_RATE("completionRate", "completion rate", true, false),
    SAVE_RATE("saveRate", "save rate", true, false),
    PLAYS_PER_PLAYLIST("playsPerPlaylist", "plays per playlist", true, false),
    REFINEMENT_RATE("refinementRate", "refinements per playlist", false, false),
    REMOVALS_PER_PLAYLIST("removalsPerPlaylist", "removals per playlist", false, false),
    FALLBACK_RATE("fallbackRate", "fallback rate", false, true),
    P95_LATENCY_MS("p95LatencyMs", "p95 latency (ms)", false, true),
    LLM_TOKENS_PER_PLAYLIST("llmTokensPerPlaylist", "LLM tokens per playlist", false, true);

    private final String key;
    private final String label;
    private final boolean higherIsBetter;
    private final boolean guardrail;

    Metric(String key, String label, boolean higherIsBetter, boolean guardrail) {
        this.key = key;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.guardrail = guardrail;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public boolean guardrail() {
        return guardrail;
    }
}
