package dev.segue.search;

/** One search result from a {@link VectorStore}: a track id and the store's score (higher is better). */
public record Hit(String trackId, double score) {}
