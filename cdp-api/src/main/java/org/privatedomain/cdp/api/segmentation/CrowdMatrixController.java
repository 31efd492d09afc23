package org.privatedomain.cdp.api.segmentation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.privatedomain.cdp.api.web.LabelLanguage;
import org.privatedomain.cdp.segmentation.crowd.CrowdCell;
import org.privatedomain.cdp.segmentation.crowd.CrowdMatrix;
import org.privatedomain.cdp.segmentation.crowd.CrowdMatrixService;
import org.privatedomain.cdp.segmentation.Labelled;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/crowd-matrix")
@Tag(name = "Crowd matrix", description = "人群矩阵: tier x purchase-value band x propagation band per period")
class CrowdMatrixController {

    private final CrowdMatrixService crowd;

    CrowdMatrixController(CrowdMatrixService crowd) {
        this.crowd = crowd;
    }

    /** A code with its name in the caller's language. */
    record Code(String code, String name) {
        static Code of(Enum<? extends Labelled> value, Locale locale) {
            return new Code(value.name(), ((Labelled) value).label(locale));
        }
    }

    record Cell(Code tier, Code value, Code propagation, long persons, BigDecimal ownGmv, BigDecimal propagationGmv,
            BigDecimal averageOrderValue) {
    }

    /** The non-empty cells of a period. */
    record Matrix(String period, Instant start, Instant end, LocalDate rfmAsOf, BigDecimal propagationMedian,
            Instant computedAt, List<Cell> cells) {
    }

    @GetMapping
    @Operation(summary = "The crowd matrix of a period: its non-empty cells",
            description = "Value band: the RFM M score as of the period's last day (today for the current period), "
                    + "LOW 1-2, MID 3, HIGH 4-5, NONE unscored. Propagation band: NONE without referred orders in the "
                    + "period, SOME below the median propagation GMV of those with any, HIGH at or above it.")
    Matrix matrix(@PathVariable String brandCode,
            @Parameter(description = "a period like 2026-10; the current one when left out")
            @RequestParam(required = false) String period,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Locale locale = LabelLanguage.of(language);
        CrowdMatrix matrix = crowd.matrix(brandCode, period);
        return new Matrix(matrix.period(), matrix.start(), matrix.end(), matrix.rfmAsOf(), matrix.propagationMedian(),
                matrix.computedAt(), matrix.cells().stream().map(cell -> cell(cell, locale)).toList());
    }

    private static Cell cell(CrowdCell cell, Locale locale) {
        return new Cell(Code.of(cell.tier(), locale), Code.of(cell.value(), locale),
                Code.of(cell.propagation(), locale), cell.persons(), cell.ownGmv(), cell.propagationGmv(),
                cell.averageOrderValue());
    }
}
