package dev.segue.tools.loadtest;

/** One answered request: which endpoint (a path template, so the report groups by it), its status and latency. */
record Sample(String endpoint, int status, long nanos) {

    boolean failed() {
        return status >= 400;
    }
}
