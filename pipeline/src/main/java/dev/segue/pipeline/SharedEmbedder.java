package dev.segue.pipeline;

import dev.segue.embedding.TextEmbedder;

/**
 * One embedding model per worker process: the runner makes a DoFn instance per thread, and each would otherwise load
 * its own ONNX session (and thread pool). ONNX Runtime sessions run concurrent calls safely, as the service relies on.
 */
final class SharedEmbedder {

    private static TextEmbedder embedder;

    private SharedEmbedder() {}

    static synchronized TextEmbedder get() {
        if (embedder == null) {
            embedder = TextEmbedder.open();
        }
        return embedder;
    }
}
