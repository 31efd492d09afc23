package org.privatedomain.cdp.api.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.privatedomain.cdp.metrics.fastplus.FastPlusEntry;
import org.privatedomain.cdp.metrics.fastplus.FastPlusService;
import org.privatedomain.cdp.metrics.fastplus.Figure;
import org.privatedomain.cdp.metrics.fastplus.MemberClv;
import org.privatedomain.cdp.metrics.fastplus.PersonPage;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}")
@Tag(name = "FAST+ metrics", description = "Capital, Conversion, Connection and CLV per period (fast-plus.md)")
class FastPlusController {

    private static final String FROM = "the first period, like 2026-08; the current one when left out";
    private static final String TO = "the last period, included; the current one when left out";
    private static final int PAGE = 10_000;

    private final FastPlusService fastPlus;

    FastPlusController(FastPlusService fastPlus) {
        this.fastPlus = fastPlus;
    }

    @GetMapping("/metrics/fast-plus")
    @Operation(summary = "One FAST+ entry per period from `from` to `to`",
            description = "A closed period is served from storage until late data touches it; computedAt says "
                    + "when each was computed. At most " + FastPlusService.MAX_PERIODS + " periods.")
    List<FastPlusEntry> report(@PathVariable String brandCode,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to) {
        return fastPlus.report(brandCode, from, to);
    }

    @GetMapping("/metrics/fast-plus.csv")
    @Operation(summary = "The same report as a CSV download, one line per period")
    ResponseEntity<byte[]> reportCsv(@PathVariable String brandCode,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to) {
        List<FastPlusEntry> entries = fastPlus.report(brandCode, from, to);
        TreeSet<String> fields = new TreeSet<>();
        entries.forEach(entry -> fields.addAll(entry.connection().fields().keySet()));
        List<String> header = new ArrayList<>(List.of("period", "start", "end", "computedAt", "capital",
                "conversionDeepened", "conversionBase", "conversionRate", "connectionActive", "connectionVisitors",
                "connectionRate"));
        fields.forEach(field -> header.addAll(List.of(field + "Active", field + "Visitors", field + "Rate")));
        header.addAll(List.of("clvMean", "clvMedian", "clvP90"));
        for (Tier tier : Tier.values()) {
            header.add("clvMean" + tier.name());
        }
        for (Tier tier : Tier.values()) {
            header.add("persons" + tier.name());
        }
        CsvTable csv = new CsvTable(header);
        for (FastPlusEntry e : entries) {
            List<Object> row = new ArrayList<>(List.of(e.period(), e.start(), e.end(), e.computedAt(), e.capital(),
                    e.conversion().deepened(), e.conversion().base(), nullable(e.conversion().rate()),
                    e.connection().all().active(), e.connection().all().visitors(),
                    nullable(e.connection().all().rate())));
            for (String field : fields) {
                FastPlusEntry.Reach reach = e.connection().fields().get(field);
                row.addAll(reach == null ? List.of(0, 0, "")
                        : List.of(reach.active(), reach.visitors(), nullable(reach.rate())));
            }
            row.addAll(List.of(nullable(e.clv().mean()), nullable(e.clv().median()), nullable(e.clv().p90())));
            for (Tier tier : Tier.values()) {
                row.add(nullable(e.clv().byTier().get(tier.name())));
            }
            for (Tier tier : Tier.values()) {
                row.add(e.tiers().get(tier.name()));
            }
            csv.row(row);
        }
        return csv.download("fast-plus.csv");
    }

    @GetMapping("/metrics/fast-plus/persons")
    @Operation(summary = "The persons behind a figure, by member id, a page at a time",
            description = "CAPITAL (at the period's end; also those over whom CLV is reported), CONVERSION_BASE, "
                    + "CONVERSION_DEEPENED, CONNECTION_VISITORS, CONNECTION_ACTIVE (field narrows these two).")
    PersonPage persons(@PathVariable String brandCode, @RequestParam(required = false) String period,
            @RequestParam Figure figure, @RequestParam(required = false) String field,
            @Parameter(description = "the nextAfter of the previous page") @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "1000") int limit) {
        return fastPlus.persons(brandCode, period, figure, field, after, limit);
    }

    @GetMapping("/metrics/fast-plus/persons.csv")
    @Operation(summary = "All persons behind a figure as a CSV download")
    ResponseEntity<StreamingResponseBody> personsCsv(@PathVariable String brandCode,
            @RequestParam(required = false) String period, @RequestParam Figure figure,
            @RequestParam(required = false) String field) {
        PersonPage first = fastPlus.persons(brandCode, period, figure, field, 0, PAGE); // refuses bad input now
        return CsvTable.stream(figure.name().toLowerCase() + ".csv", List.of("memberId"), row -> {
            for (PersonPage page = first; page != null;
                    page = page.nextAfter() == null ? null
                            : fastPlus.persons(brandCode, period, figure, field, page.nextAfter(), PAGE)) {
                for (long id : page.memberIds()) {
                    row.accept(List.of(id));
                }
            }
        });
    }

    @GetMapping("/members/{memberId}/clv")
    @Operation(summary = "A member's CLV: own value, propagation value and the orders that make it up")
    MemberClv clv(@PathVariable String brandCode, @PathVariable long memberId,
            @Parameter(description = "the instant, ISO-8601 with offset; now when left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at) {
        return fastPlus.clv(brandCode, memberId, at == null ? null : at.toInstant());
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
