package org.privatedomain.cdp.api.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.event.RecordedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/events")
@Tag(name = "Events", description = "What people do: relationships, membership, visits, shares, reviews, consent")
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "recorded: a new event")
    @ApiResponse(responseCode = "200", description = "its id was recorded before")
    @Operation(summary = "Record one event",
            description = "201 for a new event; 200 with duplicate=true for an eventId already recorded, which "
                    + "changes nothing.")
    ResponseEntity<RecordedEvent> record(@PathVariable String brandCode, @RequestBody NewEvent event) {
        RecordedEvent recorded = events.record(brandCode, event);
        return ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }
}
