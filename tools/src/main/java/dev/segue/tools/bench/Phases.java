package dev.segue.tools.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The three phases of a run: an unrecorded warm-up, one request at a time, then many at once. */
public final class Phases {

    /** Fixed so that every run sends the same prompt order in the concurrent phase. */
    static final long SHUFFLE_SEED = 42L;

    private final Requests client;
    private final List<String> prompts;
    private final PrintWriter out;

    public Phases(Requests client, List<String> prompts, PrintWriter out) {
        this.client = client;
        this.prompts = prompts;
        this.out = out;
    }

    /**
     * Lets the JIT, connection pools and caches settle so the measured phases compare across runs.
     *
     * @return how many warm-up requests failed
     */
    public int warmup(int rounds) throws InterruptedException {
        int errors = 0;
        for (int r = 0; r < rounds; r++) {
            for (String prompt : prompts) {
                if (!client.send(prompt).ok()) {
                    errors++;
                }
            }
        }
        if (rounds > 0) {
            out.printf("warmup: %d requests, %d errors (not recorded)%n", rounds * prompts.size(), errors);
        }
        return errors;
    }

    /** The latency one listener sees when nothing else runs. */
    public PhaseStats sequential(int rounds) throws InterruptedException {
        int total = rounds * prompts.size();
        out.printf("sequential: %d requests...%n", total);
        List<Sample> samples = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String prompt : prompts) {
                samples.add(client.send(prompt));
            }
        }
        return PhaseStats.of("sequential", 1, samples, System.nanoTime() - start);
    }

    /** Workers take prompts from one shuffled cycle until {@code requests} are sent: throughput under load. */
    public PhaseStats concurrent(int concurrency, int requests) throws InterruptedException {
        out.printf("concurrent: %d requests on %d workers...%n", requests, concurrency);
        List<String> cycle = new ArrayList<>(prompts);
        Collections.shuffle(cycle, new Random(SHUFFLE_SEED));
        AtomicInteger next = new AtomicInteger();
        // Each worker keeps its own list; Future.get() makes them safely visible to this thread.
        Callable<List<Sample>> worker = () -> {
            List<Sample> mine = new ArrayList<>();
            for (int i; (i = next.getAndIncrement()) < requests; ) {
                mine.add(client.send(cycle.get(i % cycle.size())));
            }
            return mine;
        };
        List<Sample> samples = new ArrayList<>(requests);
        long start = System.nanoTime();
        long wall;
        try (ExecutorService workers = Executors.newFixedThreadPool(
                concurrency, Thread.ofPlatform().name("bench-worker-", 0).factory())) {
            List<Future<List<Sample>>> futures = workers.invokeAll(Collections.nCopies(concurrency, worker));
            wall = System.nanoTime() - start;
            for (Future<List<Sample>> future : futures) {
                samples.addAll(resultOf(future));
            }
        }
        return PhaseStats.of("concurrent", concurrency, samples, wall);
    }

    private static List<Sample> resultOf(Future<List<Sample>> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("worker failed", e.getCause());
        }
    }
}
