package dev.segue.experiment;

/**
 * One thing a listener was shown under an arm: a playlist version ({@code create}, {@code refine}, {@code remove})
 * or a DJ segment ({@code dj}), with what it cost: latency, LLM tokens, and whether the planner fell back.
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
        boolean fallback) {}
