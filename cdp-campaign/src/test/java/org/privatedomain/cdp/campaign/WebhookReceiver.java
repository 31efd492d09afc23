package org.privatedomain.cdp.campaign;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A brand's webhook endpoint on a random local port. It records every request that arrives, raw (no
 * deduplication), with whether its signature checks out. Keys in {@link #loseAnswerOnce} get their first request
 * read and recorded, and then the connection is dropped without an answer: the sender cannot know it arrived.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Delivery(String key, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Set<String> answerLost = ConcurrentHashMap.newKeySet();
    public final Set<String> loseAnswerOnce = ConcurrentHashMap.newKeySet();
    /** Keys answered 422: the receiver refuses them for good. */
    public final Set<String> refuse = ConcurrentHashMap.newKeySet();

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String signature = exchange.getRequestHeaders().getFirst("X-CDP-Signature");
            deliveries.add(new Delivery(key, new String(body, StandardCharsets.UTF_8),
                    ("sha256=" + sign(body)).equals(signature)));
            if (loseAnswerOnce.contains(key) && answerLost.add(key)) {
                exchange.close(); // no status line: the connection ends without an answer
                return;
            }
            exchange.sendResponseHeaders(refuse.contains(key) ? 422 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public long count(String key) {
        return deliveries.stream().filter(delivery -> key.equals(delivery.key())).count();
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
