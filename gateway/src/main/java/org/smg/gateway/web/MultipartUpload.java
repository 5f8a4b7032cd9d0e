package org.smg.gateway.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smg.gateway.storage.EncryptedTemporaryFile;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MultipartParser;

/**
 * A {@code multipart/form-data} form read as it arrives: text fields kept (bounded), each file streamed into an
 * {@link EncryptedTemporaryFile} (never whole in the heap, never in plaintext on disk), cut off beyond the largest
 * file the policy allows. The form's first field must be its CSRF token, checked as soon as that field ends, before
 * any file byte is read or stored: a forged form is refused after a few hundred bytes.
 *
 * <p>The caller sets the request's entity-size limit before reading ({@link HttpServerExchange#setMaxEntitySize}):
 * Undertow then stops a larger body and this reader answers 413.
 */
final class MultipartUpload implements AutoCloseable {
    private static final String TYPE = "multipart/form-data";
    private static final int FIELDS_BYTES = ComposeForm.MAX_BODY + 16 * 1024;
    private static final int MAX_NAME = 255;

    /** One file part: its name, and its content unless it was larger than allowed ({@code tooLarge}). */
    record Part(String name, EncryptedTemporaryFile content, boolean tooLarge) {
    }

    private final Map<String, String> fields = new HashMap<>();
    private final List<Part> files = new ArrayList<>();

    private MultipartUpload() {
    }

    /**
     * @param csrfToken the session's token, which the first field must carry
     * @param maxFileBytes a file part beyond this is kept as {@code tooLarge}, its content discarded
     * @param maxFiles file parts beyond this many are refused with 413
     */
    static MultipartUpload read(HttpServerExchange exchange, String csrfToken, long maxFileBytes, int maxFiles)
            throws FormBody.Refused, Visit.CsrfRefused, IOException {
        try {
            return read(exchange.getInputStream(), exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE),
                exchange.getConnection().getByteBufferPool(), csrfToken, maxFileBytes, maxFiles);
        } catch (RequestTooBigException e) {
            exchange.setPersistent(false);
            throw new FormBody.Refused(413, "The files are larger than the " + HumanSize.of(exchange.getMaxEntitySize())
                + " a message may carry.");
        } catch (FormBody.Refused | Visit.CsrfRefused e) {
            // The rest of the body is not read: the connection closes after the answer.
            exchange.setPersistent(false);
            throw e;
        }
    }

    /** Reads a body of the given {@code Content-Type}; see {@link #read(HttpServerExchange, String, long, int)}. */
    static MultipartUpload read(InputStream in, String type, ByteBufferPool pool, String csrfToken, long maxFileBytes, int maxFiles)
            throws FormBody.Refused, Visit.CsrfRefused, IOException {
        String boundary = type == null ? null : Headers.extractQuotedValueFromHeader(type, "boundary");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(TYPE) || boundary == null || boundary.isEmpty()) {
            throw new FormBody.Refused(415, "The form was not sent as a form with files (" + TYPE + ").");
        }
        MultipartUpload upload = new MultipartUpload();
        Handler handler = upload.new Handler(csrfToken, maxFileBytes, maxFiles);
        MultipartParser.ParseState parser = MultipartParser.beginParse(pool, handler, boundary.getBytes(StandardCharsets.US_ASCII),
            StandardCharsets.UTF_8.name());
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read = in.read(buffer); read >= 0 && !parser.isComplete(); read = in.read(buffer)) {
                parser.parse(ByteBuffer.wrap(buffer, 0, read));
                handler.rethrow();
            }
        } catch (Stop e) {
            handler.abort();
            upload.close();
            if (e.csrf) {
                throw new Visit.CsrfRefused();
            }
            throw new FormBody.Refused(e.status, e.getMessage());
        } catch (IOException | RuntimeException e) {
            handler.abort();
            upload.close();
            throw e;
        }
        if (!parser.isComplete()) {
            upload.close();
            throw new FormBody.Refused(400, "The form arrived incomplete; send it again.");
        }
        return upload;
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    List<Part> files() {
        return List.copyOf(files);
    }

    /** Deletes the files not taken over by the caller. */
    @Override
    public void close() {
        files.forEach(file -> {
            if (file.content() != null) {
                file.content().close();
            }
        });
        files.clear();
    }

    /** Forgets the files without deleting them: the caller owns them now. */
    void release() {
        files.clear();
    }

    /** The name a browser sent, without any folder (old browsers send a whole path) or control characters. */
    static String cleanName(String sent) {
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
            .replaceAll("\\p{Cntrl}", "").strip();
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** Stops the reading with a refusal (unchecked: the parser's callbacks cannot throw). */
    private static final class Stop extends RuntimeException {
        private final int status;
        private final boolean csrf;

        Stop(int status, String message, boolean csrf) {
            super(message, null, false, false);
            this.status = status;
            this.csrf = csrf;
        }
    }

    private final class Handler implements MultipartParser.PartHandler {
        private final String csrfToken;
        private final long maxFileBytes;
        private final int maxFiles;
        private boolean csrfChecked;
        private String fieldName;
        private ByteArrayOutputStream fieldValue;
        private String fileName;
        private EncryptedTemporaryFile file;
        private OutputStream fileOut;
        private long fileBytes;
        private boolean tooLarge;
        private int fieldBytes;
        private IOException failure;

        Handler(String csrfToken, long maxFileBytes, int maxFiles) {
            this.csrfToken = csrfToken;
            this.maxFileBytes = maxFileBytes;
            this.maxFiles = maxFiles;
        }

        @Override
        public void beginPart(HeaderMap headers) {
            String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
            String name = disposition == null ? null : Headers.extractQuotedValueFromHeader(disposition, "name");
            if (name == null) {
                throw new Stop(400, "A part of the form has no name.", false);
            }
            String sentFile = Headers.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
            if (!csrfChecked && (sentFile != null || !CsrfToken.FIELD.equals(name))) {
                throw new Stop(403, "", true);
            }
            if (sentFile == null) {
                fieldName = name;
                fieldValue = new ByteArrayOutputStream();
                return;
            }
            fileName = cleanName(sentFile);
            fileBytes = 0;
            tooLarge = false;
            if (fileName.isEmpty()) {
                return; // a file input left empty: browsers still send its part, with no name and no bytes
            }
            if (files.size() >= maxFiles) {
                throw new Stop(413, "More than the " + maxFiles + " files a message may carry were sent.", false);
            }
            try {
                file = EncryptedTemporaryFile.create("web-upload-");
                fileOut = file.writer();
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void data(ByteBuffer buffer) throws IOException {
            int length = buffer.remaining();
            if (fieldValue != null) {
                fieldBytes += length;
                if (fieldBytes > FIELDS_BYTES) {
                    throw new Stop(413, "The text of the form is larger than " + FIELDS_BYTES / 1024 + " KiB.", false);
                }
                byte[] bytes = new byte[length];
                buffer.get(bytes);
                fieldValue.write(bytes);
                return;
            }
            if (fileOut == null) {
                buffer.position(buffer.limit());
                return;
            }
            fileBytes += length;
            if (fileBytes > maxFileBytes) {
                tooLarge = true;
                fileOut.close();
                fileOut = null;
                buffer.position(buffer.limit());
                return;
            }
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            fileOut.write(bytes);
        }

        @Override
        public void endPart() {
            if (fieldValue != null) {
                String value = fieldValue.toString(StandardCharsets.UTF_8);
                fieldValue = null;
                if (fields.putIfAbsent(fieldName, value) != null) {
                    throw new Stop(400, "The form field '" + fieldName.replaceAll("[^A-Za-z0-9_-]", "?") + "' was sent twice.", false);
                }
                if (!csrfChecked) {
                    if (!CsrfToken.matches(csrfToken, value)) {
                        throw new Stop(403, "", true);
                    }
                    csrfChecked = true;
                }
                return;
            }
            try {
                if (fileOut != null) {
                    fileOut.close();
                }
            } catch (IOException e) {
                failure = e;
            }
            if (file != null) {
                if (tooLarge) {
                    file.close();
                    files.add(new Part(fileName, null, true));
                } else {
                    files.add(new Part(fileName, file, false));
                }
            }
            file = null;
            fileOut = null;
        }

        /** Deletes the file being written when the reading stops in its middle. */
        void abort() {
            if (file != null) {
                file.close();
                file = null;
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
