package org.privatedomain.cdp.api.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.privatedomain.cdp.core.access.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Loads the demo brand {@value #BRAND} through the public API, as a brand's own scripts would: creates the brand
 * and an ADMIN key for it, generates the {@link DemoBrandGenerator synthetic brand} into files and sends them with
 * {@code events:bulk}, {@code orders:bulk} and one {@code POST .../members} per profile. It runs in the
 * background once the service is ready, and logs the brand key when done.
 * <p>
 * The data ends the day the brand was created, so a load stopped half-way and started again (every start loads)
 * sends the very same records: events and profiles already there change nothing and orders already there are
 * duplicates, so the brand ends as one clean load would leave it.
 */
@Component
@ConditionalOnBooleanProperty("cdp.demo.enabled")
class DemoLoader {

    static final String BRAND = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final int PROFILES_IN_FLIGHT = 8;
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final DemoProperties demo;
    private final String adminKey;

    DemoLoader(DemoProperties demo, AccessProperties access) {
        this.demo = demo;
        this.adminKey = access.adminApiKey();
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        int port = ready.getApplicationContext().getEnvironment().getRequiredProperty("local.server.port",
                Integer.class);
        Thread.ofVirtual().name("demo-loader").start(() -> {
            try {
                load(URI.create("http://127.0.0.1:" + port));
            } catch (RuntimeException | IOException e) {
                log.error("The demo brand could not be loaded; the service runs on without it", e);
            }
        });
    }

    /** What one load did: the brand's new key and the answers of the bulk requests. */
    record Loaded(String brandKey, DemoFiles.Written written, Map<?, ?> events, Map<?, ?> orders) {
    }

    Loaded load(URI base) throws IOException {
        RestClient platform = client(base, adminKey);
        Instant until = brandCreatedAt(platform).atZone(DemoBrandGenerator.ZONE).toLocalDate()
                .atStartOfDay(DemoBrandGenerator.ZONE).toInstant();
        Map<?, ?> key = platform.post().uri("brands/{brand}/api-keys", BRAND)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "ADMIN")).retrieve().body(Map.class);
        String brandKey = (String) key.get("key");
        RestClient api = client(base, brandKey);
        log.info("Loading the demo brand '{}': {} persons, about {} orders, seed {}, ending {}", BRAND,
                demo.persons(), demo.orders(), demo.seed(), LocalDate.ofInstant(until, DemoBrandGenerator.ZONE));
        Path directory = Files.createTempDirectory("cdp-demo");
        try {
            DemoFiles.Written written = DemoFiles.write(directory,
                    new DemoBrandGenerator(demo.seed(), demo.persons(), demo.orders(), until));
            Map<?, ?> events = bulk(api, "events:bulk", directory.resolve(DemoFiles.EVENTS));
            log.info("Demo events: {}", counts(events));
            long profiles = profiles(api, directory.resolve(DemoFiles.MEMBERS));
            log.info("Demo member profiles: {}", profiles);
            Map<?, ?> orders = bulk(api, "orders:bulk", directory.resolve(DemoFiles.ORDERS));
            log.info("Demo orders: {}", counts(orders));
            log.info("""
                    The demo brand '{}' is loaded. Its ADMIN key (shown only now; the platform admin key can make \
                    more): {}
                    Try: curl -H 'Authorization: Bearer {}' {}api/v1/brands/{}/members?identity=MEMBER_NO:M000000001
                         curl -H 'Authorization: Bearer {}' '{}api/v1/brands/{}/metrics/fast-plus?from={}&to={}'""",
                    BRAND, brandKey, brandKey, base.resolve("/"), BRAND, brandKey, base.resolve("/"), BRAND,
                    YearMonth.from(until.atZone(DemoBrandGenerator.ZONE)).minusMonths(12),
                    YearMonth.from(until.atZone(DemoBrandGenerator.ZONE)).minusMonths(1));
            return new Loaded(brandKey, written, events, orders);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static RestClient client(URI base, String key) {
        return RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl(base.resolve("/api/v1/"))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .build();
    }

    /** When the demo brand was created, creating it first if it does not exist. */
    private static Instant brandCreatedAt(RestClient api) {
        Map<?, ?> brand = api.get().uri("brands/{brand}", BRAND).exchange((request, response) -> {
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return null;
            }
            if (response.getStatusCode().isError()) {
                throw new IllegalStateException("GET brands/" + BRAND + " answered " + response.getStatusCode()
                        + ": " + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            return response.bodyTo(Map.class);
        });
        if (brand == null) {
            brand = api.post().uri("brands").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", BRAND, "name", "演示品牌 Demo Brand", "timezone", "Asia/Shanghai",
                            "periodType", "MONTH"))
                    .retrieve().body(Map.class);
        }
        return Instant.parse((String) brand.get("createdAt"));
    }

    private static Map<?, ?> bulk(RestClient api, String path, Path body) {
        return api.post().uri("brands/{brand}/" + path, BRAND).contentType(NDJSON)
                .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .body(new FileSystemResource(body))
                .retrieve().body(Map.class);
    }

    /**
     * Sends the profiles, a few at a time: each is a transaction of its own that waits for its commit to be
     * flushed, so one after another they would wait on the disk rather than work.
     */
    private static long profiles(RestClient api, Path file) throws IOException {
        long sent = 0;
        Semaphore inFlight = new Semaphore(PROFILES_IN_FLIGHT);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
                ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String line = lines.readLine(); line != null && failure.get() == null; line = lines.readLine()) {
                String profile = line;
                inFlight.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        api.post().uri("brands/{brand}/members", BRAND).contentType(MediaType.APPLICATION_JSON)
                                .body(profile).retrieve().toBodilessEntity();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
                sent++;
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return sent;
    }

    private static String counts(Map<?, ?> answer) {
        return "accepted " + answer.get("accepted") + ", updated " + answer.get("updated") + ", duplicate "
                + answer.get("duplicate") + ", rejected " + answer.get("rejected");
    }
}
