package com.disputeassistant.app.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report, for errors Tomcat answers before any of the app's code runs (a URL it cannot
 * decode, an encoded slash, headers or a URL too large): the app's JSON error body instead of Tomcat's HTML
 * page, which also named the server's version. One log line, no stack trace.
 */
final class JsonErrorValve extends ErrorReportValve {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorValve.class);

    /** Puts this valve in the place of the host's error report valves (Tomcat's and Spring Boot's). */
    static void install(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean installed = false;
        for (Valve valve : host.getPipeline().getValves()) {
            installed |= valve instanceof JsonErrorValve;
        }
        if (!installed) {
            host.getPipeline().addValve(new JsonErrorValve());
        }
    }

    JsonErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        log.info("Tomcat answered {} {} with {}", request.getMethod(), request.getRequestURI(), status);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorBody.json(ErrorBody.explain(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response was already on its way: nothing more to tell.
        }
    }
}
