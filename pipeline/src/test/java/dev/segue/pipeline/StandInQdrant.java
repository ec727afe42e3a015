package dev.segue.pipeline;

import dev.segue.search.FakeQdrant;
import dev.segue.search.FakeQdrantContents;

/**
 * The tests' in-process Qdrant stand-in as a process of its own, to try {@code pipeline/run} where no Qdrant runs:
 * prints its gRPC port, then the number of points and the collection's fingerprint every few seconds until killed.
 * Arguments: COLLECTION [SECONDS_TO_LIVE].
 */
public final class StandInQdrant {

    private StandInQdrant() {}

    public static void main(String[] args) throws InterruptedException {
        String collection = args.length > 0 ? args[0] : "segue_tracks";
        long deadline = System.nanoTime() + (args.length > 1 ? Long.parseLong(args[1]) : 600) * 1_000_000_000L;
        try (FakeQdrant qdrant = new FakeQdrant()) {
            System.out.println("port " + qdrant.port());
            while (System.nanoTime() < deadline) {
                Thread.sleep(2000);
                var metadata = FakeQdrantContents.metadata(qdrant, collection);
                System.out.println(
                        qdrant.points(collection) + " points, metadata " + metadata.keySet() + " fingerprint "
                                + (metadata.containsKey("segue_fingerprint")
                                        ? metadata.get("segue_fingerprint").getStringValue()
                                        : "-"));
            }
        }
    }
}
