package org.privatedomain.cdp.api.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.RecordedOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/orders")
@Tag(name = "Orders", description = "What people buy, with refunds and referrals")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "recorded: a new order")
    @ApiResponse(responseCode = "200", description = "its id was recorded before")
    @Operation(summary = "Record one order",
            description = "201 for a new order; 200 with updated=true when the orderId was recorded before and "
                    + "this updates it (a later refund, say).")
    ResponseEntity<RecordedOrder> record(@PathVariable String brandCode, @RequestBody NewOrder order) {
        RecordedOrder recorded = orders.record(brandCode, order);
        return ResponseEntity.status(recorded.updated() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }
}
