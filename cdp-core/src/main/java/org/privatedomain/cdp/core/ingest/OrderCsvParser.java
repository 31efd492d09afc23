package org.privatedomain.cdp.core.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderItem;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.core.order.Referral;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * Orders as CSV (RFC 4180 quoting), one order a line, after a header line naming the columns in any order:
 * {@code orderId}, {@code identities}, {@code paidAt}, {@code amount}, {@code status} (required) and
 * {@code refundedAmount}, {@code channel}, {@code referralShareId}, {@code referralSharer}, {@code items}. An
 * empty cell is a value left out. {@code identities} is {@code TYPE:value} pairs joined by {@code |}
 * ({@code PHONE:13812345678|WECHAT_UNIONID:oU1}), {@code referralSharer} one such pair, and {@code items}
 * {@code sku:quantity:price} triples joined by {@code |}.
 */
final class OrderCsvParser implements LineParser {

    static final List<String> COLUMNS = List.of("orderId", "identities", "paidAt", "amount", "status",
            "refundedAmount", "channel", "referralShareId", "referralSharer", "items");
    private static final Set<String> REQUIRED = Set.of("orderId", "identities", "paidAt", "amount", "status");
    private static final Pattern LIST = Pattern.compile("\\|");
    private static final ObjectReader ROW = new CsvMapper().readerFor(String[].class);

    private final Map<String, Integer> columnOf = new HashMap<>();

    /** Reads the header line; a header without a required column, or with an unknown or repeated one, is refused. */
    OrderCsvParser(byte[] header, int length) {
        String[] names;
        try {
            names = ROW.readValue(header, 0, length);
        } catch (JacksonException e) {
            throw invalidHeader("it is not a CSV line");
        }
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (!COLUMNS.contains(name)) {
                throw invalidHeader("unknown column '" + name + "'");
            }
            if (columnOf.putIfAbsent(name, i) != null) {
                throw invalidHeader("column '" + name + "' appears twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columnOf.containsKey(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw invalidHeader("required columns missing: " + missing);
        }
    }

    private static InvalidInputException invalidHeader(String why) {
        return new InvalidInputException("invalid-csv-header", "The first line must be a CSV header naming the "
                + "columns, from " + COLUMNS + ", with at least orderId, identities, paidAt, amount and status: "
                + why + ".");
    }

    @Override
    public Object parse(byte[] line, int length) throws RejectedLine {
        String[] cells;
        try {
            cells = ROW.readValue(line, 0, length);
        } catch (JacksonException e) {
            throw new RejectedLine("not a CSV line");
        }
        if (cells.length != columnOf.size()) {
            throw new RejectedLine("has " + cells.length + " cells where the header names " + columnOf.size());
        }
        String sharer = cell(cells, "referralSharer");
        String shareId = cell(cells, "referralShareId");
        String items = cell(cells, "items");
        return new NewOrder(
                cell(cells, "orderId"),
                identities(cell(cells, "identities"), "identities"),
                time(cell(cells, "paidAt")),
                money(cell(cells, "amount"), "amount"),
                status(cell(cells, "status")),
                money(cell(cells, "refundedAmount"), "refundedAmount"),
                cell(cells, "channel"),
                sharer == null && shareId == null ? null
                        : new Referral(shareId, sharer == null ? null : identities(sharer, "referralSharer").getFirst()),
                items == null ? null : items(items));
    }

    private String cell(String[] cells, String column) {
        Integer index = columnOf.get(column);
        if (index == null) {
            return null;
        }
        String value = cells[index].strip();
        return value.isEmpty() ? null : value;
    }

    private static List<Identity> identities(String cell, String column) throws RejectedLine {
        if (cell == null) {
            return null;
        }
        List<Identity> identities = new ArrayList<>();
        for (String pair : LIST.split(cell)) {
            int colon = pair.indexOf(':');
            IdentityType type = colon < 0 ? null : Arrays.stream(IdentityType.values())
                    .filter(candidate -> candidate.name().equals(pair.substring(0, colon).strip()))
                    .findFirst().orElse(null);
            if (type == null) {
                throw new RejectedLine(column + ": '" + pair.strip() + "' is not TYPE:value with TYPE one of "
                        + List.of(IdentityType.values()));
            }
            identities.add(new Identity(type, pair.substring(colon + 1)));
        }
        return identities;
    }

    private static OffsetDateTime time(String cell) throws RejectedLine {
        try {
            return cell == null ? null : OffsetDateTime.parse(cell);
        } catch (DateTimeParseException e) {
            throw new RejectedLine("paidAt: '" + cell + "' is not an ISO-8601 time with offset");
        }
    }

    private static BigDecimal money(String cell, String column) throws RejectedLine {
        try {
            return cell == null ? null : new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new RejectedLine(column + ": '" + cell + "' is not a number");
        }
    }

    private static OrderStatus status(String cell) throws RejectedLine {
        try {
            return cell == null ? null : OrderStatus.valueOf(cell);
        } catch (IllegalArgumentException e) {
            throw new RejectedLine("status: must be one of " + List.of(OrderStatus.values()));
        }
    }

    private static List<OrderItem> items(String cell) throws RejectedLine {
        List<OrderItem> items = new ArrayList<>();
        for (String item : LIST.split(cell)) {
            int last = item.lastIndexOf(':');
            int middle = last < 0 ? -1 : item.lastIndexOf(':', last - 1);
            if (middle <= 0) {
                throw new RejectedLine("items: '" + item + "' is not sku:quantity:price");
            }
            try {
                items.add(new OrderItem(item.substring(0, middle).strip(),
                        Integer.valueOf(item.substring(middle + 1, last).strip()),
                        new BigDecimal(item.substring(last + 1).strip())));
            } catch (NumberFormatException e) {
                throw new RejectedLine("items: '" + item + "' is not sku:quantity:price");
            }
        }
        return items;
    }
}
