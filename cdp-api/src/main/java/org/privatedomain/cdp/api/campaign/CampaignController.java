package org.privatedomain.cdp.api.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.privatedomain.cdp.campaign.campaign.CampaignService;
import org.privatedomain.cdp.campaign.campaign.CampaignView;
import org.privatedomain.cdp.campaign.campaign.CouponUpload;
import org.privatedomain.cdp.campaign.campaign.NewCampaign;
import org.privatedomain.cdp.campaign.delivery.DeliveryService;
import org.privatedomain.cdp.campaign.delivery.MessagePage;
import org.privatedomain.cdp.campaign.delivery.NewReceipt;
import org.privatedomain.cdp.campaign.delivery.ReceiptResult;
import org.privatedomain.cdp.campaign.report.CampaignReport;
import org.privatedomain.cdp.campaign.report.CampaignReportService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/campaigns")
@Tag(name = "Campaigns", description = "Campaigns with holdouts, reliable delivery and measured uplift")
class CampaignController {

    private final CampaignService campaigns;
    private final DeliveryService delivery;
    private final CampaignReportService reports;

    CampaignController(CampaignService campaigns, DeliveryService delivery, CampaignReportService reports) {
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.reports = reports;
    }

    /** The body of a coupon upload. */
    record CouponCodes(List<String> codes) {
    }

    /** The body of a receipt batch. */
    record Receipts(List<NewReceipt> receipts) {
    }

    @PostMapping
    @Operation(summary = "Create a campaign (DRAFT)",
            description = "Either an audience ({\"memberIds\": [...]} or {\"tag\": \"...\"}) or a trigger. With an "
                    + "Idempotency-Key, a retry of the same request answers the campaign it created (201 again); the "
                    + "key sent with another request is a 409 idempotency-key-reused.")
    ResponseEntity<CampaignView> create(@PathVariable String brandCode, @RequestBody NewCampaign campaign,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CampaignView created = campaigns.create(brandCode, campaign, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/brands/" + brandCode + "/campaigns/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The brand's campaigns, newest first (the latest 1000)")
    List<CampaignView> list(@PathVariable String brandCode) {
        return campaigns.list(brandCode);
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.get(brandCode, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a DRAFT campaign")
    CampaignView update(@PathVariable String brandCode, @PathVariable long id, @RequestBody NewCampaign campaign) {
        return campaigns.update(brandCode, id, campaign);
    }

    @PostMapping("/{id}:schedule")
    @Operation(summary = "DRAFT -> SCHEDULED: launches by itself at scheduledAt")
    CampaignView schedule(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.schedule(brandCode, id);
    }

    @PostMapping("/{id}:unschedule")
    @Operation(summary = "SCHEDULED -> DRAFT, to change it before its time")
    CampaignView unschedule(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.unschedule(brandCode, id);
    }

    @PostMapping("/{id}:launch")
    @Operation(summary = "DRAFT or SCHEDULED -> RUNNING now",
            description = "A one-off campaign freezes its audience and queues its messages in this request.")
    CampaignView launch(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.launch(brandCode, id);
    }

    @PostMapping("/{id}:pause")
    CampaignView pause(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.pause(brandCode, id);
    }

    @PostMapping("/{id}:resume")
    CampaignView resume(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.resume(brandCode, id);
    }

    @PostMapping("/{id}:cancel")
    @Operation(summary = "Stop for good; messages not yet sent are skipped")
    CampaignView cancel(@PathVariable String brandCode, @PathVariable long id) {
        return campaigns.cancel(brandCode, id);
    }

    @PostMapping("/{id}/coupons")
    @Operation(summary = "Add codes to the campaign's coupon pool ({\"codes\": [...]}, up to 100000)")
    CouponUpload coupons(@PathVariable String brandCode, @PathVariable long id, @RequestBody CouponCodes body) {
        return campaigns.uploadCoupons(brandCode, id, body.codes());
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "Delivery, conversion against the holdout, uplift, incremental GMV, cost, ROI, tiers")
    CampaignReport report(@PathVariable String brandCode, @PathVariable long id) {
        return reports.report(brandCode, id);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The campaign's messages by ascending id; nextAfter asks for the next page")
    MessagePage messages(@PathVariable String brandCode, @PathVariable long id,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return campaigns.messages(brandCode, id, after, limit);
    }

    @PostMapping("/receipts")
    @Operation(summary = "Delivery receipts by idempotency key (up to 1000); idempotent per message and status")
    ReceiptResult receipts(@PathVariable String brandCode, @RequestBody Receipts body) {
        return delivery.record(brandCode, body.receipts());
    }
}
