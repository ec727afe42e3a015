package dev.segue.experiment;

import java.util.List;

/**
 * One thing a listener was shown under an arm: a playlist version ({@code create}, {@code refine}, {@code remove})
 * or a DJ segment ({@code dj}), with what it cost (latency, LLM tokens, whether the planner fell back) and the tracks it showed.
 */
public record Exposure(
        String experimentId,
        String arm,
        String userId,
        String subjectId,
        int version,
        String kind,
        double latencyMs,
        int llmTokens,
        boolean fallback,
        List<String> trackIds) {

    public Exposure {
        trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
    }
}
