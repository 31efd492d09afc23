package org.privatedomain.cdp.api.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A table as an RFC 4180 CSV download: a header line, then rows; values quoted where they need it. */
final class CsvTable {

    private static final String BOM = "\uFEFF";

    private final List<String> header;
    private final List<List<?>> rows = new ArrayList<>();

    CsvTable(List<String> header) {
        this.header = header;
    }

    CsvTable row(List<?> values) {
        rows.add(values);
        return this;
    }

    /** The download, named {@code filename}, in UTF-8 with a byte-order mark so that spreadsheets read Chinese. */
    ResponseEntity<byte[]> download(String filename) {
        StringBuilder csv = new StringBuilder(BOM).append(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return headers(filename).body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A download written as it goes, for tables that grow with the brand. */
    static ResponseEntity<StreamingResponseBody> stream(String filename, List<String> header, Rows rows) {
        return headers(filename).body(out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(BOM + line(header));
            rows.write(values -> writer.write(line(values)));
            writer.flush();
        });
    }

    /** Writes the rows of a streamed table, one call of {@code row} each. */
    @FunctionalInterface
    interface Rows {
        void write(RowSink row) throws IOException;
    }

    @FunctionalInterface
    interface RowSink {
        void accept(List<?> values) throws IOException;
    }

    private static ResponseEntity.BodyBuilder headers(String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString());
    }

    private static String line(List<?> values) {
        return values.stream().map(CsvTable::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String cell(Object value) {
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString()
                : Objects.toString(value, "");
        return text.matches(".*[\",\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
