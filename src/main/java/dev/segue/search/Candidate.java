package dev.segue.search;

import dev.segue.catalog.Track;

/**
 * A track a retrieval tool returned: its cosine similarity to that tool's query (or seed) vector, whether its title
 * or artist matched the query words (BM25), and which tool found it.
 */
public record Candidate(Track track, double similarity, boolean nameMatch, String via) {}
