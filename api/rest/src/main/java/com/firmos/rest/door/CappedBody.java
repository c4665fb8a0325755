package com.firmos.rest.door;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request with a body that cannot be read past its cap: the read that would take byte {@code cap + 1} fails
 * with {@link BodyTooLargeException}, so a chunked body of any length costs at most the cap in memory.
 */
final class CappedBody extends HttpServletRequestWrapper {

    private final long cap;
    private ServletInputStream stream;
    private BufferedReader reader;

    CappedBody(HttpServletRequest request, long cap) {
        super(request);
        this.cap = cap;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Capped(super.getInputStream(), cap);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private static final class Capped extends ServletInputStream {

        private final ServletInputStream body;
        private final long cap;
        private long read;

        Capped(ServletInputStream body, long cap) {
            this.body = body;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            if (read > cap) {
                throw new BodyTooLargeException(cap);
            }
            int next = body.read();
            if (next != -1) {
                count(1);
            }
            return next;
        }

        /** Never asks for more than one byte past the cap, so a refused body is not read further. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (read > cap) {
                // Refused already: a caller that swallowed the refusal must not spin on reads of nothing.
                throw new BodyTooLargeException(cap);
            }
            if (length == 0) {
                return 0;
            }
            int allowed = (int) Math.min(length, cap - read + 1);
            int got = body.read(buffer, offset, allowed);
            if (got > 0) {
                count(got);
            }
            return got;
        }

        private void count(int bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > cap) {
                throw new BodyTooLargeException(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
