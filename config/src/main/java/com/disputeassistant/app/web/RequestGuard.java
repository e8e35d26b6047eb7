package com.disputeassistant.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, on every endpoint: a query string that is not percent-encoded
 * UTF-8 is answered 400, a wildcard Content-Type ({@code *}{@code /*}, {@code application/*}) or a multipart
 * body (no endpoint takes one) 415, and a body larger than
 * {@code dispute.http.max-body-size} 413 (for the playground's evidence upload, larger than {@code
 * dispute.evidence.max-file-size}), all with the app's JSON error and one log line, before any
 * endpoint reads anything.
 *
 * <p>A body of unknown length (chunked) is read here up to the cap and handed on from memory; form posts
 * are left to the container, whose form size limit is set to the same cap ({@link WebEdgesConfiguration}).
 */
final class RequestGuard extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    private final long maxBody;
    /** A POST to this path (the playground's evidence upload) may be as large as {@link #maxUpload}; null: none. */
    private final String uploadPath;
    private final long maxUpload;

    RequestGuard(long maxBody) {
        this(maxBody, null, 0);
    }

    /**
     * @param uploadPath the one path whose POSTs may have a body of up to {@code maxUpload} bytes (a file's
     *                   raw bytes); every other request keeps {@code maxBody}
     */
    RequestGuard(long maxBody, String uploadPath, long maxUpload) {
        this.maxBody = maxBody;
        this.uploadPath = uploadPath;
        this.maxUpload = Math.max(maxBody, maxUpload);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isPercentEncodedUtf8(query)) {
            refuse(request, response, 400, "The query string is not valid: write it as UTF-8 with %XX escapes "
                    + "(such as as=web%3Aalice, or %C3%A9 for \u00e9).");
            return;
        }
        if (isWildcard(request.getContentType())) {
            // Spring cannot even read such a request's headers; it names no type to read the body as.
            refuse(request, response, 415, "Content-Type " + request.getContentType() + " names no type: send the "
                    + "body's own type, such as Content-Type: application/json.");
            return;
        }
        if (isMultipart(request)) {
            refuse(request, response, 415, isUpload(request)
                    ? "Send the file itself as the body, not a multipart form: its type as Content-Type (such as "
                            + "application/pdf) and its name, percent-encoded, in the X-File-Name header."
                    : "No address of this app takes a multipart body: send JSON (Content-Type: application/json), "
                            + "or a form (application/x-www-form-urlencoded) to the console.");
            return;
        }
        long cap = isUpload(request) ? maxUpload : maxBody;
        long length = request.getContentLengthLong();
        if (length > cap) {
            refuse(request, response, 413, tooLarge(cap));
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null && !isForm(request)) {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            }
            if (body.length > cap) {
                refuse(request, response, 413, tooLarge(cap));
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private String tooLarge(long cap) {
        return cap == maxBody ? "The request body is larger than " + maxBody + " bytes, the most any endpoint of this app takes."
                : "The file is larger than " + cap + " bytes, the most one evidence file may be.";
    }

    private boolean isUpload(HttpServletRequest request) {
        return uploadPath != null && "POST".equals(request.getMethod()) && uploadPath.equals(request.getRequestURI());
    }

    /** One line, no stack trace: bad input is the caller's, not a fault of ours. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String why)
            throws IOException {
        log.info("Refused {} {} from {}: {} {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                status, why);
        ErrorBody.write(response, status, why);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            // Not a media type at all: the endpoints read the body as of no type, and say what to send.
            return false;
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /** Whether every %XX escape is complete and the bytes they make are UTF-8. */
    static boolean isPercentEncodedUtf8(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
                    return false;
                }
                bytes.put((byte) HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    /** The request with its body read already, within the cap. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already; read it blocking");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // A charset nobody knows: read as UTF-8, what every endpoint of this app expects.
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
