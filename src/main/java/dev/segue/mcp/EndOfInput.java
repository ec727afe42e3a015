package dev.segue.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A stdio client's input that says when it ends: the client has gone (the SDK closes the session then, and answers
 * nothing more), so the server stops.
 */
final class EndOfInput extends FilterInputStream {

    private final CountDownLatch ended = new CountDownLatch(1);

    EndOfInput(InputStream in) {
        super(in);
    }

    void await() throws InterruptedException {
        ended.await();
    }

    @Override
    public int read() throws IOException {
        return counted(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return counted(super.read(buffer, offset, length));
    }

    private int counted(int read) {
        if (read < 0) {
            ended.countDown();
        }
        return read;
    }
}
