package com.firmos.rest.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report for what it refuses before any servlet runs (a path with {@code %ZZ} or an encoded
 * NUL, a request line it cannot parse): problem+json in the API's shape instead of an HTML page. Tomcat creates
 * it by its class name ({@link ContainerProblems}), so it is public and knows no Spring bean.
 */
public class ContainerProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.resolve(code);
        String problemCode = ProblemDetailsAdvice.code(status);
        String detail = status.is5xxServerError() ? "the request failed on the server; nothing was changed"
                : "the server cannot read this request: " + status.getReasonPhrase().toLowerCase(Locale.ROOT);
        String body = "{\"type\":\"urn:firmos:problem:" + problemCode + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + code + ",\"detail\":\"" + detail + "\",\"code\":\"" + problemCode + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // The client is gone or the response is closed: there is no one to tell.
        }
    }
}
