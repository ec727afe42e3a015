package dev.segue.agent;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of a streamed answer: its first byte (a provider that has not sent one is taken for dead, not slow)
 * and its end (a budget for the whole answer while tokens flow). A missed deadline closes the stream, so a reader
 * blocked on it wakes up with {@link Missed}. Any byte counts as a sign of life, keep-alive comments included.
 */
final class AnswerDeadlines {

    /** A deadline passed; the message says which. */
    static final class Missed extends IOException {
        private final boolean firstByte;

        Missed(String message, boolean firstByte) {
            super(message);
            this.firstByte = firstByte;
        }

        /** True when nothing at all arrived in time: the provider is taken for dead. */
        boolean firstByte() {
            return firstByte;
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llm-answer-deadlines");
        t.setDaemon(true);
        return t;
    });

    private AnswerDeadlines() {}

    /** The first-token deadline passed with nothing from the provider, not even its headers. */
    static Missed nothingWithin(Duration firstByte) {
        return new Missed("the provider sent nothing within " + seconds(firstByte), true);
    }

    static InputStream watch(InputStream body, Duration firstByte, Duration whole) {
        return new Watched(body, firstByte, whole);
    }

    private static final class Watched extends FilterInputStream {
        private final Duration firstByteLimit;
        private final Duration wholeLimit;
        private final ScheduledFuture<?> firstByteTimer;
        private final ScheduledFuture<?> wholeTimer;
        private volatile boolean started;
        private volatile Missed missed;

        Watched(InputStream in, Duration firstByte, Duration whole) {
            super(in);
            this.firstByteLimit = firstByte;
            this.wholeLimit = whole;
            this.firstByteTimer = TIMER.schedule(
                    () -> {
                        if (!started) {
                            miss(nothingWithin(firstByte));
                        }
                    },
                    Math.max(0, firstByte.toMillis()),
                    TimeUnit.MILLISECONDS);
            this.wholeTimer = TIMER.schedule(
                    () -> miss(new Missed("the provider's answer took longer than " + seconds(whole), false)),
                    whole.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void miss(Missed why) {
            missed = why;
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is how the reader is woken; a failure to close leaves it to the other deadline
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    started = true;
                }
                checkMissed();
                return n;
            } catch (IOException e) {
                checkMissed();
                throw e;
            }
        }

        private void checkMissed() throws Missed {
            if (missed != null) {
                throw missed;
            }
        }

        @Override
        public void close() throws IOException {
            firstByteTimer.cancel(false);
            wholeTimer.cancel(false);
            super.close();
        }

        @Override
        public String toString() {
            return "answer (first byte within " + seconds(firstByteLimit) + ", whole within " + seconds(wholeLimit)
                    + ")";
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
