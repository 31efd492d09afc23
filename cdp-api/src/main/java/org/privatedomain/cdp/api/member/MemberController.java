package org.privatedomain.cdp.api.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.privatedomain.cdp.api.web.LabelLanguage;
import org.privatedomain.cdp.api.segmentation.RfmAnswers;
import org.privatedomain.cdp.api.segmentation.TierAnswers;
import org.privatedomain.cdp.api.security.Access;
import org.privatedomain.cdp.api.security.AccessRefusedException;
import org.privatedomain.cdp.api.security.Callers;
import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.event.EventHistory;
import org.privatedomain.cdp.core.event.MemberDetails;
import org.privatedomain.cdp.core.event.MemberExportDocument;
import org.privatedomain.cdp.core.event.TimelinePage;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.Disclosure;
import org.privatedomain.cdp.core.member.MemberPage;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.member.MemberView;
import org.privatedomain.cdp.segmentation.rfm.RfmService;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/members")
@Tag(name = "Members", description = "One person behind many identities: profile, identities, tags")
class MemberController {

    private final MemberService members;
    private final EventHistory history;
    private final TierService tiers;
    private final RfmService rfm;

    MemberController(MemberService members, EventHistory history, TierService tiers, RfmService rfm) {
        this.members = members;
        this.history = history;
        this.tiers = tiers;
        this.rfm = rfm;
    }

    @PostMapping
    @Operation(summary = "Create or update a member by its identities",
            description = "All identities named belong to one person from now on: unknown ones attach, and "
                    + "members that the identities link are merged into the oldest. Fields left out keep their value.")
    MemberView upsert(@PathVariable String brandCode, @RequestBody MemberProfile profile) {
        return members.upsert(brandCode, profile);
    }

    @GetMapping("/{memberId}")
    @Operation(summary = "A member's profile, identities, relationships, consent, tier and RFM",
            description = "A member id retired by a merge answers 308 with the survivor's URL in Location. The tier "
                    + "is the current period's; RFM is by the brand's latest run (its asOf and computedAt say which).")
    Profile get(@PathVariable String brandCode, @PathVariable long memberId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return profile(brandCode, history.details(brandCode, memberId, Callers.disclosure()), language);
    }

    @GetMapping("/{memberId}/timeline")
    @Operation(summary = "The member's events, newest first, a page at a time")
    TimelinePage timeline(@PathVariable String brandCode, @PathVariable long memberId,
            @Parameter(description = "the next of the previous page") @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") int limit) {
        return history.timeline(brandCode, memberId, before, limit);
    }

    @DeleteMapping("/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(brandRole = BrandRole.ADMIN)
    @Operation(summary = "Erase the person under PIPL (brand ADMIN)",
            description = "Deletes identities, profile, attributes and tags for good; the bare id stays so that "
                    + "the person's anonymous history still counts in the periods before the erasure.")
    void erase(@PathVariable String brandCode, @PathVariable long memberId) {
        members.erase(brandCode, memberId);
    }

    @GetMapping("/{memberId}/export")
    @Access(brandRole = BrandRole.ADMIN)
    @Operation(summary = "Everything held about the person, as JSON (brand ADMIN)")
    MemberExportDocument export(@PathVariable String brandCode, @PathVariable long memberId) {
        return history.export(brandCode, memberId);
    }

    @GetMapping("/{memberId}/consents")
    @Operation(summary = "The member's consent: in force per purpose and channel, and every decision")
    Consents consents(@PathVariable String brandCode, @PathVariable long memberId) {
        return new Consents(history.consents(brandCode, memberId), history.consentHistory(brandCode, memberId));
    }

    @GetMapping(params = {"identity", "!tag"})
    @Operation(summary = "Look a member up by any identity", description = "The same answer as the profile.")
    Profile byIdentity(@PathVariable String brandCode,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
            @Parameter(description = "TYPE:value, for example PHONE:13812345678 or WECHAT_UNIONID:o6_bmasdasdsad6")
            @RequestParam String identity) {
        Identity wanted = parseIdentity(identity);
        if (wanted.type().personal() && Callers.disclosure() == Disclosure.MASKED) {
            // Looking up every number behind 138****5678 would unmask it: analysts look up by other ids.
            throw new AccessRefusedException("Looking a member up by " + wanted.type()
                    + " needs a key with role OPERATOR or above.");
        }
        return profile(brandCode, history.detailsByIdentity(brandCode, wanted, Callers.disclosure()), language);
    }

    @GetMapping(params = {"tag", "!identity"})
    @Operation(summary = "Members carrying a tag, by id, a page at a time")
    MemberPage byTag(@PathVariable String brandCode, @RequestParam String tag,
            @Parameter(description = "the nextAfter of the previous page") @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return members.withTag(brandCode, tag, after, limit, Callers.disclosure());
    }

    @PutMapping("/{memberId}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Tag a member", description = "Tagging twice changes nothing.")
    void tag(@PathVariable String brandCode, @PathVariable long memberId, @PathVariable String tag) {
        members.tag(brandCode, memberId, tag);
    }

    @DeleteMapping("/{memberId}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a tag from a member")
    void untag(@PathVariable String brandCode, @PathVariable long memberId, @PathVariable String tag) {
        members.untag(brandCode, memberId, tag);
    }

    /** The profile with tier and RFM, named in the caller's label language. */
    private Profile profile(String brandCode, MemberDetails details, String language) {
        Locale locale = LabelLanguage.of(language);
        long memberId = details.member().id();
        return new Profile(details, TierAnswers.of(tiers.of(brandCode, memberId, null), locale),
                RfmAnswers.of(rfm.of(brandCode, memberId), locale));
    }

    private static Identity parseIdentity(String typeAndValue) {
        int colon = typeAndValue.indexOf(':');
        String type = colon < 0 ? "" : typeAndValue.substring(0, colon).toUpperCase(Locale.ROOT);
        try {
            return new Identity(IdentityType.valueOf(type), typeAndValue.substring(colon + 1));
        } catch (IllegalArgumentException unknownType) {
            throw new InvalidInputException("invalid-parameter", "identity must be TYPE:value with TYPE one of "
                    + java.util.List.of(IdentityType.values()) + ".");
        }
    }
}
