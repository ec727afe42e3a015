package dev.segue.tools.bench;

/** One kind of timed request made from a prompt: a playlist (bench), a track search (scale). */
@FunctionalInterface
public interface Requests {

    Sample send(String prompt) throws InterruptedException;
}
