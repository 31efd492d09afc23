package org.privatedomain.cdp.api.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.privatedomain.cdp.api.security.Access;
import org.privatedomain.cdp.api.security.AccessRefusedException;
import org.privatedomain.cdp.api.security.Callers;
import org.privatedomain.cdp.api.web.LabelLanguage;
import org.privatedomain.cdp.core.access.BrandRole;
import org.privatedomain.cdp.core.member.Disclosure;
import org.privatedomain.cdp.segmentation.segment.RuleVocabulary;
import org.privatedomain.cdp.segmentation.segment.SegmentCount;
import org.privatedomain.cdp.segmentation.segment.SegmentDefinition;
import org.privatedomain.cdp.segmentation.segment.SegmentMemberPage;
import org.privatedomain.cdp.segmentation.segment.SegmentRefresh;
import org.privatedomain.cdp.segmentation.segment.SegmentService;
import org.privatedomain.cdp.segmentation.segment.SegmentView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}")
@Tag(name = "Segments", description = "Rule-based segments: count a rule, save it, refresh its members, export them")
class SegmentController {

    static final String RULE_LANGUAGE = """
            A rule is a tree of {"all":[...]}, {"any":[...]}, {"not":{...}} (at most 10 levels, 200 nodes) and leaves \
            {"type":...}. Times are a date (the start of that day in the brand's timezone) or an ISO time with offset; \
            a window is {"last":"P30D"} (up to now) or {"from":...,"to":...} (from included, to excluded, either open). \
            op is one of eq, in (value a list), gt, gte, lt, lte, exists (no value), as each leaf allows. Leaves: \
            profile {attribute: name|gender|city|province (eq, in, exists), birthdayMonth 1-12 (eq, in, exists), \
            registeredAt (gt, gte, lt, lte, exists), op, value}; \
            attribute {key, op, value}: a brand attribute, a string, number or boolean; \
            tag {tag}; identity {identityType}; \
            relationship {field?, during?}: a relationship in the field (any field when left out) active now, or at \
            some time in the window during; membership {during?}: a member now or at some time in the window; \
            consent {purpose, channel, granted}: the latest decision by event time for the channel or ALL decides, \
            no decision counts as granted; \
            orders {metric: count|netAmount|purchaseDays|lastOrderAt|firstOrderAt, op, value, window?, channels?, \
            skus?}: over qualifying orders (PAID or PARTIALLY_REFUNDED with a net amount above the brand's \
            minQualifyingAmount); \
            events {eventType, field?, property?: {name, value}, window?, op?, value?}: the number of such events, \
            at least one when op is left out; \
            segment {segmentId}: in another saved segment as of its last refresh. \
            A faulty rule is a 400 invalid-input whose errors name each faulty node by its JSON path, such as \
            rule.all[2].any[0].window.""";

    private static final String EXAMPLE = """
            {"name":"杭州复购会员","rule":{"all":[
              {"type":"membership"},
              {"type":"profile","attribute":"city","op":"in","value":["杭州"]},
              {"type":"orders","metric":"purchaseDays","op":"gte","value":2,"window":{"last":"P90D"}},
              {"not":{"type":"consent","purpose":"MARKETING","channel":"SMS","granted":false}}]},
             "refreshSchedule":"PT1H"}""";


    private final SegmentService segments;

    SegmentController(SegmentService segments) {
        this.segments = segments;
    }

    @PostMapping("/segments:preview")
    @Access(brandRole = BrandRole.ANALYST)
    @Operation(summary = "Count the live members a rule selects now, without saving it (any role; a rule on name "
            + "or birthdayMonth needs OPERATOR or above)",
            description = RULE_LANGUAGE)
    SegmentCount preview(@PathVariable String brandCode, @RequestBody RuleBody body) {
        if (Callers.disclosure() == Disclosure.MASKED && body.rule() != null
                && segments.comparesPersonalData(body.rule())) {
            // Counting persons by a name or birthday would unmask what analysts see masked.
            throw new AccessRefusedException("A rule comparing name or birthdayMonth needs a key with role OPERATOR "
                    + "or above.");
        }
        return segments.preview(brandCode, body.rule());
    }

    @PostMapping("/segments")
    @Operation(summary = "Save a segment", description = "The name is unique in the brand. refreshSchedule, an ISO-8601 "
            + "duration from PT5M to P31D, refreshes it that often (first at once). " + RULE_LANGUAGE)
    ResponseEntity<SegmentView> create(@PathVariable String brandCode,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = EXAMPLE))) @RequestBody SegmentDefinition definition) {
        SegmentView created = segments.create(brandCode, definition);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/segments")
    @Operation(summary = "The brand's segments, by id")
    List<SegmentView> list(@PathVariable String brandCode) {
        return segments.list(brandCode);
    }

    @GetMapping("/segments/conditions")
    @Operation(summary = "The codes of the rule language with labels, for rule editors",
            description = "Labels in Chinese (zh-CN, the default) or English by Accept-Language.")
    ResponseEntity<RuleVocabulary> vocabulary(@PathVariable String brandCode,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        RuleVocabulary vocabulary = RuleVocabulary.in(LabelLanguage.of(acceptLanguage));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, vocabulary.language()).body(vocabulary);
    }

    @GetMapping("/segments/{id}")
    @Operation(summary = "A segment, with its size as of its last refresh")
    SegmentView get(@PathVariable String brandCode, @PathVariable long id) {
        return segments.get(brandCode, id);
    }

    @PutMapping("/segments/{id}")
    @Operation(summary = "Change a segment", description = "Its members stay those of its last refresh until the next. "
            + "A rule that makes segments use themselves is refused with 409 segment-cycle naming them.")
    SegmentView update(@PathVariable String brandCode, @PathVariable long id, @RequestBody SegmentDefinition definition) {
        return segments.update(brandCode, id, definition);
    }

    @DeleteMapping("/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a segment", description = "Refused with 409 segment-in-use while another segment uses it.")
    void delete(@PathVariable String brandCode, @PathVariable long id) {
        segments.delete(brandCode, id);
    }

    @PostMapping("/segments/{id}/refresh")
    @Operation(summary = "Refresh the segment's members now",
            description = "The segments it uses are refreshed first, in dependency order, in the same transaction.")
    SegmentRefresh refresh(@PathVariable String brandCode, @PathVariable long id) {
        return segments.refresh(brandCode, id);
    }

    @GetMapping("/segments/{id}/history")
    @Operation(summary = "The segment's refreshes, newest first: size, members added and removed")
    List<SegmentRefresh> history(@PathVariable String brandCode, @PathVariable long id) {
        return segments.history(brandCode, id);
    }

    @GetMapping(path = "/segments/{id}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The segment's members as of its last refresh, by id, a page at a time")
    SegmentMemberPage members(@PathVariable String brandCode, @PathVariable long id,
            @Parameter(description = "the nextAfter of the previous page") @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return segments.members(brandCode, id, after, limit);
    }

    @GetMapping(path = {"/segments/{id}/members.csv", "/segments/{id}/members"}, produces = "text/csv")
    @Operation(summary = "All the segment's members as CSV (member_id,since), streamed",
            description = "Also GET .../members with Accept: text/csv. Member ids only: no personal data.")
    ResponseEntity<StreamingResponseBody> membersCsv(@PathVariable String brandCode, @PathVariable long id) {
        segments.get(brandCode, id); // a missing segment is a 404 problem, before the stream starts
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"segment-" + id + "-members.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out -> segments.writeMembersCsv(brandCode, id, out));
    }

    /** The body of a preview: only the rule. */
    record RuleBody(JsonNode rule) {
    }
}
