package org.privatedomain.cdp.api.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.order.NewOrder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link DemoBrandGenerator demo brand} as three gzipped NDJSON files, each a body for the public API:
 * {@value #EVENTS} for {@code POST .../events:bulk}, {@value #ORDERS} for {@code POST .../orders:bulk} (load
 * events first: referrals name shares) and {@value #MEMBERS}, one {@code POST .../members} profile a line.
 * <p>
 * From the command line (the benchmark does this), with the service's jar:
 * {@code java -cp cdp.jar -Dloader.main=org.privatedomain.cdp.api.demo.DemoFiles
 * org.springframework.boot.loader.launch.PropertiesLauncher DIR PERSONS ORDERS [SEED] [UNTIL-DATE]}
 */
public final class DemoFiles {

    static final String EVENTS = "events.ndjson.gz";
    static final String ORDERS = "orders.ndjson.gz";
    static final String MEMBERS = "members.ndjson.gz";

    /** Line counts of the files written. */
    record Written(long events, long orders, long members) {
    }

    private DemoFiles() {
    }

    static Written write(Path directory, DemoBrandGenerator generator) throws IOException {
        Files.createDirectories(directory);
        JsonMapper json = JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        try (Writer events = gzip(directory.resolve(EVENTS));
                Writer orders = gzip(directory.resolve(ORDERS));
                Writer members = gzip(directory.resolve(MEMBERS))) {
            long[] counts = new long[3];
            generator.generate(new DemoBrandGenerator.Sink() {
                @Override
                public void event(NewEvent event) {
                    line(events, event);
                    counts[0]++;
                }

                @Override
                public void order(NewOrder order) {
                    line(orders, order);
                    counts[1]++;
                }

                @Override
                public void profile(MemberProfile profile) {
                    line(members, profile);
                    counts[2]++;
                }

                private void line(Writer out, Object record) {
                    try {
                        out.write(json.writeValueAsString(record));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return new Written(counts[0], counts[1], counts[2]);
        }
    }

    private static Writer gzip(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: DemoFiles DIR PERSONS ORDERS [SEED] [UNTIL-DATE, default today in Shanghai]");
            System.exit(2);
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        LocalDate untilDate = args.length > 4 ? LocalDate.parse(args[4]) : LocalDate.now(DemoBrandGenerator.ZONE);
        Instant until = untilDate.atStartOfDay(DemoBrandGenerator.ZONE).toInstant();
        Written written = write(Path.of(args[0]),
                new DemoBrandGenerator(seed, Integer.parseInt(args[1]), Long.parseLong(args[2]), until));
        System.out.printf("%d events, %d orders, %d member profiles%n", written.events(), written.orders(),
                written.members());
    }
}
