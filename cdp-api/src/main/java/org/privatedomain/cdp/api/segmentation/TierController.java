package org.privatedomain.cdp.api.segmentation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.privatedomain.cdp.api.web.LabelLanguage;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}")
@Tag(name = "Tiers", description = "The five FAST+ relationship tiers (关系分层) per period; names follow Accept-Language "
        + "(zh-CN by default, en)")
class TierController {

    private static final String PERIOD = "a period of the brand's type, like 2026-10, 2026-W42 or 2026-Q4; "
            + "the current period when left out";

    private final TierService tiers;

    TierController(TierService tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/tiers")
    @Operation(summary = "Persons per tier in a period",
            description = "A closed period is served from its snapshot until late data touches it; the current "
                    + "period is recomputed whenever data changed. computedAt says when.")
    TierAnswers.Distribution distribution(@PathVariable String brandCode,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Locale locale = LabelLanguage.of(language);
        return TierAnswers.of(tiers.distribution(brandCode, period), locale);
    }

    @GetMapping("/tiers/transitions")
    @Operation(summary = "The 6 x 6 matrix of persons from their tier in the previous period to this one",
            description = "matrix[from][to]; NONE counts persons entering and leaving the tiers.")
    TierAnswers.Transitions transitions(@PathVariable String brandCode,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Locale locale = LabelLanguage.of(language);
        return TierAnswers.of(tiers.transitions(brandCode, period), locale);
    }

    @GetMapping("/members/{memberId}/tiers")
    @Operation(summary = "A member's tier in each of the last periods, newest first")
    List<TierAnswers.PersonTier> history(@PathVariable String brandCode, @PathVariable long memberId,
            @Parameter(description = "how many periods, 1 to " + TierService.MAX_HISTORY)
            @RequestParam(defaultValue = "12") int periods,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Locale locale = LabelLanguage.of(language);
        return tiers.history(brandCode, memberId, periods).stream().map(t -> TierAnswers.of(t, locale)).toList();
    }
}
