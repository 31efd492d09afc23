package org.privatedomain.cdp.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes rows known to be new with PostgreSQL's {@code COPY ... FROM STDIN} on the caller's transaction: the
 * rows stream in COPY's text format, with none of the parameter arrays, their parsing and {@code unnest} that an
 * {@code INSERT ... SELECT} of a batch costs. COPY has no {@code ON CONFLICT}: a row that exists already fails the
 * statement, and its transaction, with a {@link org.springframework.dao.DuplicateKeyException}, as a plain
 * insert would.
 */
@Component
public class BulkCopy {

    /** Bytes gathered before they are sent on. */
    private static final int CHUNK = 1 << 16;

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    BulkCopy(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.translator = jdbc.getExceptionTranslator();
    }

    /**
     * Runs {@code copy} (a {@code COPY table (columns) FROM STDIN} statement) with one line for each of
     * {@code rows}, its fields written by {@code fields} in the statement's column order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void copy(String copy, List<T> rows, BiConsumer<T, Line> fields) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn in = null;
        try {
            in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            Line line = new Line();
            for (T row : rows) {
                fields.accept(row, line);
                line.end();
                if (line.out.size() >= CHUNK) {
                    in.writeToCopy(line.out.toByteArray(), 0, line.out.size());
                    line.out.reset();
                }
            }
            in.writeToCopy(line.out.toByteArray(), 0, line.out.size());
            in.endCopy();
        } catch (SQLException failed) {
            cancelQuietly(in);
            DataAccessException translated = translator.translate("COPY", copy, failed);
            throw translated != null ? translated : new IllegalStateException(failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void cancelQuietly(CopyIn in) {
        try {
            if (in != null && in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException alreadyFailed) {
            // the statement failed already; the translated failure says why
        }
    }

    /** One line of COPY's text format: fields separated by tabs, {@code \N} for null, backslash escapes. */
    public static final class Line {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK + 4096);
        private boolean first = true;

        public Line text(String value) {
            separate();
            if (value == null) {
                out.write('\\');
                out.write('N');
                return this;
            }
            StringBuilder escaped = null;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                String escape = switch (c) {
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> null;
                };
                if (escape != null && escaped == null) {
                    escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                if (escaped != null) {
                    if (escape != null) {
                        escaped.append(escape);
                    } else {
                        escaped.append(c);
                    }
                }
            }
            out.writeBytes((escaped == null ? value : escaped.toString()).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Line number(Long value) {
            if (value == null) {
                return text(null);
            }
            separate();
            out.writeBytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        private void separate() {
            if (!first) {
                out.write('\t');
            }
            first = false;
        }

        private void end() {
            out.write('\n');
            first = true;
        }
    }
}
