package org.privatedomain.cdp.core.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code core.import_job} and {@code core.import_rejection}. */
@Component
class ImportJobs {

    private static final String VIEW_COLUMNS = """
            id, kind, format, state, lines_read, accepted, updated, duplicate, rejected, byte_offset, bytes_total,
            message, created_at, started_at, progressed_at, finished_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportJobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A load's counts so far, or what one batch adds to them. */
    record Counts(long accepted, long updated, long duplicate, long rejected) {
    }

    /** Where an unfinished load stands, to go on with it. */
    record Checkpoint(long brandId, long id, IngestKind kind, BodyFormat format, ImportMode mode,
            ImportState state, boolean gzip, String spoolFile, long byteOffset, long linesRead) {
    }

    long create(long brandId, IngestKind kind, BodyFormat format, ImportMode mode, ImportState state, boolean gzip,
            Long bytesTotal) {
        Timestamp now = now();
        return jdbc.sql("""
                        insert into core.import_job (brand_id, kind, format, mode, state, gzip, bytes_total, created_at,
                                                     started_at)
                        values (:brand, :kind, :format, :mode, :state, :gzip, :bytesTotal, :now, :startedAt)
                        returning id
                        """)
                .param("brand", brandId).param("kind", kind.name()).param("format", format.name())
                .param("mode", mode.name()).param("state", state.name()).param("gzip", gzip)
                .param("bytesTotal", bytesTotal).param("now", now)
                .param("startedAt", state == ImportState.RUNNING ? now : null, Types.TIMESTAMP)
                .query(Long.class).single();
    }

    void queued(long brandId, long id, String spoolFile, long bytes) {
        jdbc.sql("""
                        update core.import_job set state = 'QUEUED', spool_file = :file, bytes_total = :bytes
                         where brand_id = :brand and id = :id
                        """)
                .param("file", spoolFile).param("bytes", bytes).param("brand", brandId).param("id", id).update();
    }

    void running(long brandId, long id) {
        jdbc.sql("""
                        update core.import_job set state = 'RUNNING', started_at = coalesce(started_at, :now)
                         where brand_id = :brand and id = :id
                        """)
                .param("now", now()).param("brand", brandId).param("id", id).update();
    }

    /** Records one batch's outcome; runs in the batch's transaction, so progress and data commit together. */
    void progress(long brandId, long id, Counts batch, List<Rejection> rejections, long byteOffset, long linesRead) {
        // A batch need not wait for its WAL flush: if the database stops before the flush, the batch and its
        // checkpoint are lost together and the load goes on from the earlier checkpoint. finish() commits
        // durably, flushing every batch before it, before a load is reported complete.
        jdbc.sql("set local synchronous_commit = off").update();
        if (!rejections.isEmpty()) {
            jdbc.sql("""
                            insert into core.import_rejection (brand_id, job_id, line, reason)
                            select :brand, :id, r.line, left(r.reason, 1000)
                              from unnest(:lines::bigint[], :reasons::varchar[]) as r(line, reason)
                            """)
                    .param("brand", brandId).param("id", id)
                    .param("lines", rejections.stream().map(Rejection::line).toArray(Long[]::new))
                    .param("reasons", rejections.stream().map(Rejection::reason).toArray(String[]::new))
                    .update();
        }
        jdbc.sql("""
                        update core.import_job
                           set accepted = accepted + :accepted, updated = updated + :updated,
                               duplicate = duplicate + :duplicate, rejected = rejected + :rejected,
                               byte_offset = :byteOffset, lines_read = :linesRead, progressed_at = :now
                         where brand_id = :brand and id = :id
                        """)
                .param("accepted", batch.accepted()).param("updated", batch.updated())
                .param("duplicate", batch.duplicate()).param("rejected", batch.rejected())
                .param("byteOffset", byteOffset).param("linesRead", linesRead).param("now", now())
                .param("brand", brandId).param("id", id)
                .update();
    }

    void finish(long brandId, long id, ImportState state, String message) {
        jdbc.sql("""
                        update core.import_job set state = :state, message = :message, finished_at = :now
                         where brand_id = :brand and id = :id
                        """)
                .param("state", state.name()).param("message", message).param("now", now())
                .param("brand", brandId).param("id", id).update();
    }

    Optional<ImportJobView> find(long brandId, long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from core.import_job where brand_id = :brand and id = :id")
                .param("brand", brandId).param("id", id)
                .query(ImportJobs::view)
                .optional();
    }

    Checkpoint checkpoint(long brandId, long id) {
        return jdbc.sql("""
                        select brand_id, id, kind, format, mode, state, gzip, spool_file, byte_offset, lines_read
                          from core.import_job where brand_id = :brand and id = :id
                        """)
                .param("brand", brandId).param("id", id)
                .query(ImportJobs::checkpoint)
                .single();
    }

    /** Loads of every brand that had not ended when the service last stopped. */
    List<Checkpoint> unfinished() {
        return jdbc.sql("""
                        select brand_id, id, kind, format, mode, state, gzip, spool_file, byte_offset, lines_read
                          from core.import_job where state in ('RECEIVING', 'QUEUED', 'RUNNING')
                         order by created_at, id
                        """)
                .query(ImportJobs::checkpoint)
                .list();
    }

    RejectionPage rejections(long brandId, long id, long after, int limit) {
        List<Rejection> rows = jdbc.sql("""
                        select line, reason from core.import_rejection
                         where brand_id = :brand and job_id = :id and line > :after
                         order by line
                         limit :limit
                        """)
                .param("brand", brandId).param("id", id).param("after", after).param("limit", limit + 1)
                .query((rs, row) -> new Rejection(rs.getLong(1), rs.getString(2)))
                .list();
        List<Rejection> page = rows.subList(0, Math.min(limit, rows.size()));
        return new RejectionPage(page, rows.size() > limit ? page.getLast().line() : null);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static ImportJobView view(ResultSet rs, int row) throws SQLException {
        Instant started = instant(rs, "started_at");
        Instant progressed = instant(rs, "progressed_at");
        long lines = rs.getLong("lines_read");
        Double rate = started == null || progressed == null || !progressed.isAfter(started) ? null
                : Math.round(lines * 1000.0 / Duration.between(started, progressed).toMillis() * 10) / 10.0;
        return new ImportJobView(rs.getLong("id"), IngestKind.valueOf(rs.getString("kind")),
                BodyFormat.valueOf(rs.getString("format")), ImportState.valueOf(rs.getString("state")), lines,
                rs.getLong("accepted"), rs.getLong("updated"), rs.getLong("duplicate"), rs.getLong("rejected"),
                rs.getLong("byte_offset"), (Long) rs.getObject("bytes_total"), rate, rs.getString("message"),
                instant(rs, "created_at"), started, instant(rs, "finished_at"));
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong("brand_id"), rs.getLong("id"), IngestKind.valueOf(rs.getString("kind")),
                BodyFormat.valueOf(rs.getString("format")), ImportMode.valueOf(rs.getString("mode")),
                ImportState.valueOf(rs.getString("state")), rs.getBoolean("gzip"), rs.getString("spool_file"),
                rs.getLong("byte_offset"), rs.getLong("lines_read"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
