package com.firmos.rest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what {@link Api} cannot send: a request target no URI class accepts
 * ({@code %ZZ}), or a chunked body that keeps coming after the server has answered. The body is written on a
 * thread of its own while the answer is read, so a server that answers early is seen answering early; or, with
 * {@link #wholeThenRead}, all of it before the answer is read.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** The answer; {@code sent} is how many body bytes the server took before it answered or hung up. */
    public record Answer(int status, Map<String, String> headers, String body, long sent) {

        public String contentType() {
            return headers.get("content-type");
        }
    }

    /** Sends the request line and headers as written, and no body. */
    public Answer send(String method, String target, Map<String, String> headers) {
        return exchange(method, target, headers, null, 0, 0);
    }

    /** Sends {@code total} bytes of a JSON string in chunks of {@code chunk} bytes. */
    public Answer chunked(String method, String target, Map<String, String> headers, long total, int chunk) {
        return exchange(method, target, headers, true, total, chunk);
    }

    /** Announces {@code total} bytes with Content-Length and sends them (or as many as the server takes). */
    public Answer sized(String method, String target, Map<String, String> headers, long total, int chunk) {
        return exchange(method, target, headers, false, total, chunk);
    }

    /**
     * Writes all {@code total} bytes of the body (chunked, or announced with Content-Length) before it reads the
     * answer, as most clients do, then reads on to the end of the connection: a server that hangs up on the body
     * makes the write fail, one that closes with the body unread resets the connection under the reader.
     */
    public Answer wholeThenRead(String method, String target, Map<String, String> headers, boolean chunked,
            long total, int chunk) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, headers, chunked, total));
            AtomicLong sent = new AtomicLong();
            writeBody(out, chunked, total, chunk, sent);
            if (sent.get() < total) {
                throw new IOException("the server took " + sent.get() + " of " + total + " bytes and hung up");
            }
            InputStream in = socket.getInputStream();
            Answer answer = read(in, sent);
            if (in.read() != -1) {
                throw new IOException("the server sent more than its answer");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer exchange(String method, String target, Map<String, String> headers, Boolean chunked, long total,
            int chunk) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, headers, chunked, total));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = null;
            if (chunked != null) {
                writer = Thread.ofVirtual().start(() -> writeBody(out, chunked, total, chunk, sent));
            }
            Answer answer = read(socket.getInputStream(), sent);
            if (writer != null) {
                socket.shutdownOutput();
                writer.interrupt();
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request line and headers; {@code chunked} null for no body. */
    private static byte[] head(String method, String target, Map<String, String> headers, Boolean chunked,
            long total) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (chunked != null) {
            head.append("Content-Type: application/json\r\n").append(chunked
                    ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + total + "\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON object with one string as long as the body: {"text": "xxxx..."}. */
    private static void writeBody(OutputStream out, boolean chunked, long total, int chunk, AtomicLong sent) {
        byte[] filler = new byte[chunk];
        java.util.Arrays.fill(filler, (byte) 'x');
        byte[] open = "{\"text\": \"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, filler, 0, Math.min(open.length, chunk));
        try {
            long left = total;
            while (left > 0 && !Thread.currentThread().isInterrupted()) {
                int length = (int) Math.min(chunk, left);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(filler, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                sent.addAndGet(length);
                left -= length;
                filler[0] = 'x';
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException hungUp) {
            // The server answered and closed the connection: what it took is in sent.
        }
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        String statusLine = line(in);
        long sentWhenAnswered = sent.get();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1)
                    .trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(
                    line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), sentWhenAnswered);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
