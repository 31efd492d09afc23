package org.privatedomain.cdp.api.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.privatedomain.cdp.metrics.kpi.KpiEntry;
import org.privatedomain.cdp.metrics.kpi.KpiService;
import org.privatedomain.cdp.metrics.kpi.Ratio;
import org.privatedomain.cdp.metrics.kpi.RetentionMatrix;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/metrics")
@Tag(name = "Classic KPIs", description = "Repurchase, member GMV share, new and active members, join cohorts")
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    @Operation(summary = "The classic KPIs per period from `from` to `to`")
    List<KpiEntry> kpis(@PathVariable String brandCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return kpis.kpis(brandCode, from, to);
    }

    @GetMapping("/kpis.csv")
    @Operation(summary = "The same as a CSV download")
    ResponseEntity<byte[]> kpisCsv(@PathVariable String brandCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        CsvTable csv = new CsvTable(List.of("period", "start", "end", "repeatBuyers", "buyers", "repurchaseRate",
                "repeatMembers", "buyingMembers", "memberRepurchaseRate", "memberGmv", "gmv", "memberGmvShare",
                "newMembers", "activeMembers", "members", "activeMemberRate"));
        for (KpiEntry e : kpis.kpis(brandCode, from, to)) {
            List<Object> row = new ArrayList<>(List.of(e.period(), e.start(), e.end()));
            for (Ratio ratio : List.of(e.repurchase(), e.memberRepurchase(), e.memberGmvShare())) {
                row.addAll(cells(ratio));
            }
            row.add(e.newMembers());
            row.addAll(cells(e.activeMembers()));
            csv.row(row);
        }
        return csv.download("kpis.csv");
    }

    @GetMapping("/retention")
    @Operation(summary = "Monthly join cohorts and how many of each were members in each later month")
    RetentionMatrix retention(@PathVariable String brandCode,
            @Parameter(description = "the first cohort month, like 2026-01; 11 months before `to` when left out")
            @RequestParam(required = false) String from,
            @Parameter(description = "the last month; the current one when left out")
            @RequestParam(required = false) String to) {
        return kpis.retention(brandCode, from, to);
    }

    @GetMapping("/retention.csv")
    @Operation(summary = "The retention matrix as a CSV download: a line per cohort, a column per month since")
    ResponseEntity<byte[]> retentionCsv(@PathVariable String brandCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        RetentionMatrix matrix = kpis.retention(brandCode, from, to);
        int months = matrix.cohorts().stream().mapToInt(c -> c.members().size()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("cohort", "persons"));
        for (int month = 0; month < months; month++) {
            header.add("month" + month);
        }
        CsvTable csv = new CsvTable(header);
        for (RetentionMatrix.Cohort cohort : matrix.cohorts()) {
            List<Object> row = new ArrayList<>(List.of(cohort.month(), cohort.persons()));
            row.addAll(cohort.members());
            csv.row(row);
        }
        return csv.download("retention.csv");
    }

    private static List<Object> cells(Ratio ratio) {
        return List.of(ratio.numerator(), ratio.denominator(), ratio.rate() == null ? "" : ratio.rate());
    }
}
