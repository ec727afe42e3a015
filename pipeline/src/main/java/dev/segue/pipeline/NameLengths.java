package dev.segue.pipeline;

import dev.segue.catalog.Track;
import dev.segue.search.Bm25Vectors;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * The corpus statistic BM25 document weights need: the average length of the names field over the whole catalog
 * (Qdrant's idf modifier computes document frequencies itself). Summed across workers, then averaged as
 * {@code Bm25Vectors.over} averages it: terms over documents with at least one term, 1 when there is none.
 */
final class NameLengths extends CombineFn<Track, NameLengths.Sum, Float> {

    record Sum(long terms, long documents) {}

    @Override
    public Sum createAccumulator() {
        return new Sum(0, 0);
    }

    @Override
    public Sum addInput(Sum sum, Track track) {
        int length = Bm25Vectors.terms(Bm25Vectors.names(track)).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        return length > 0 ? new Sum(sum.terms() + length, sum.documents() + 1) : sum;
    }

    @Override
    public Sum mergeAccumulators(Iterable<Sum> sums) {
        long terms = 0;
        long documents = 0;
        for (Sum sum : sums) {
            terms += sum.terms();
            documents += sum.documents();
        }
        return new Sum(terms, documents);
    }

    @Override
    public Coder<Sum> getAccumulatorCoder(CoderRegistry registry, Coder<Track> input) {
        return JsonCoder.of(Sum.class);
    }

    @Override
    public Float extractOutput(Sum sum) {
        return sum.documents() == 0 ? 1f : (float) (sum.terms() / (double) sum.documents());
    }
}
