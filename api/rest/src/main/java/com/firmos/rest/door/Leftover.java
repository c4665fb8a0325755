package com.firmos.rest.door;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * What a client is still sending after its body was refused, read and thrown away through one small buffer.
 * Most clients (the JDK's, browsers) send the whole body before they read the answer; a server that closes the
 * connection with their bytes unread resets it, and the reset can destroy the 413 in the client's buffers. So the
 * rest is dropped first, the way nginx lingers before it closes, bounded in bytes and in time: past the bound the
 * connection is closed as before.
 */
final class Leftover {

    private static final long MOST_NANOS = TimeUnit.SECONDS.toNanos(5);

    private Leftover() {
    }

    /** Reads {@code body} to its end, or until {@code most} bytes or five seconds have gone; never fails. */
    static void drop(InputStream body, long most) {
        long deadline = System.nanoTime() + MOST_NANOS;
        byte[] buffer = new byte[8192];
        long left = most;
        try {
            int read;
            while (left > 0 && System.nanoTime() < deadline
                    && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException gone) {
            // The client hung up: nothing is left to drop.
        }
    }
}
