package org.privatedomain.cdp.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.api.ApiClient;
import org.privatedomain.cdp.api.ApiTest;
import org.privatedomain.cdp.core.access.AccessProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class DemoLoaderTests {

    @Autowired
    ApiClient api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void loadsTheDemoBrandThroughTheApiAndLoadingAgainChangesNothing() throws IOException {
        DemoLoader loader = new DemoLoader(new DemoProperties(true, 600, 2_400, 7),
                new AccessProperties(ApiTest.PLATFORM_KEY));
        URI base = URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port"));

        DemoLoader.Loaded first = loader.load(base);

        assertThat(first.events().get("accepted")).isEqualTo(intOf(first.written().events()));
        assertThat(first.events().get("rejected")).isEqualTo(0);
        assertThat(first.orders().get("rejected")).isEqualTo(0);
        assertThat(((Number) first.orders().get("accepted")).longValue()
                + ((Number) first.orders().get("updated")).longValue()).isEqualTo(first.written().orders());
        String memberNo = jdbc.sql("select min(lookup_key) from core.identity where type = 'MEMBER_NO'"
                        + " and brand_id = (select id from core.brand where code = 'demo')")
                .query(String.class).single();
        ApiClient.Answer member = api.get("/api/v1/brands/demo/members?identity=MEMBER_NO:" + memberNo,
                first.brandKey());
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.json().path("city").asString()).isNotBlank();
        assertThat(member.json().path("relationships").path(0).path("field").asString()).isNotBlank();
        assertThat(count("member_merge", "true")).as("profiles merged split persons").isPositive();
        assertThat(count("member", "city is not null"))
                .isEqualTo(first.written().members());
        Snapshot before = snapshot();

        DemoLoader.Loaded again = loader.load(base);

        assertThat(again.written()).isEqualTo(first.written());
        assertThat(again.events().get("duplicate")).isEqualTo(intOf(first.written().events()));
        assertThat(again.orders().get("accepted")).isEqualTo(0);
        assertThat(again.orders().get("updated")).as("each refund's history sent again: paid, then refunded")
                .isEqualTo(2 * (int) first.orders().get("updated"));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(api.get("/api/v1/brands/demo", again.brandKey()).status()).isEqualTo(200);
    }

    private record Snapshot(long members, long merges, long identities, long events, long orders, long refunded,
            long relationships) {
    }

    private Snapshot snapshot() {
        return new Snapshot(count("member", "true"), count("member_merge", "true"), count("identity", "true"),
                count("event", "true"), count("orders", "true"), count("orders", "status <> 'PAID'"),
                count("relationship", "true"));
    }

    /** Rows of the demo brand in a table of core that meet {@code condition}. */
    private long count(String table, String condition) {
        return jdbc.sql("select count(*) from core." + table
                        + " where brand_id = (select id from core.brand where code = 'demo') and (" + condition + ")")
                .query(Long.class).single();
    }

    private static Object intOf(long value) {
        return (int) value;
    }
}
