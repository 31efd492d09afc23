package org.privatedomain.cdp.api.segmentation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.privatedomain.cdp.api.web.LabelLanguage;
import org.privatedomain.cdp.segmentation.rfm.RfmService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/rfm")
@Tag(name = "RFM", description = "RFM scores and the eight classic RFM segments; names follow Accept-Language "
        + "(zh-CN by default, en)")
class RfmController {

    private final RfmService rfm;

    RfmController(RfmService rfm) {
        this.rfm = rfm;
    }

    @GetMapping
    @Operation(summary = "Persons per score and per segment, and the cut points used",
            description = "As of the end of the local date asOf (the next local midnight), over the brand's window. "
                    + "A run is kept until an order or erasure dated before it arrives; computedAt says when.")
    RfmAnswers.Report report(@PathVariable String brandCode,
            @Parameter(description = "a date (YYYY-MM-DD) up to today in the brand's timezone; today when left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Locale locale = LabelLanguage.of(language);
        return RfmAnswers.of(rfm.report(brandCode, asOf), locale);
    }
}
