package dev.segue.ranking;

import dev.segue.config.SegueConfig;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.TrackVectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The trained ranker from segue.ranker.model, or, when that model cannot serve, none: the scorer's order is kept. */
@ApplicationScoped
class RankerProducer {

    @Produces
    @Singleton
    TransformerRanker ranker(SegueConfig config, TrackVectors vectors, TextEmbedder embedder) {
        return TransformerRanker.load(config.ranker().model(), vectors, embedder);
    }

    void close(@Disposes TransformerRanker ranker) {
        ranker.close();
    }
}
