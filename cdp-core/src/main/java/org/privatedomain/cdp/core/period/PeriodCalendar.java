package org.privatedomain.cdp.core.period;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.brand.PeriodType;
import org.privatedomain.cdp.core.error.InvalidInputException;

/** Cuts a brand's time into its periods: parses period ids, finds the period of an instant, steps back and on. */
public final class PeriodCalendar {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final PeriodType type;
    private final ZoneId zone;

    public PeriodCalendar(PeriodType type, ZoneId zone) {
        this.type = type;
        this.zone = zone;
    }

    public static PeriodCalendar of(BrandSettings settings) {
        return new PeriodCalendar(settings.periodType(), ZoneId.of(settings.timezone()));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The period named {@code id}; an id that is not one of this brand's period type is an invalid input. */
    public Period parse(String id) {
        Matcher matcher = pattern().matcher(id == null ? "" : id);
        if (!matcher.matches()) {
            throw invalid(id);
        }
        int year = Integer.parseInt(matcher.group(1));
        int number = Integer.parseInt(matcher.group(2));
        if (year < 1900 || year > 2999) {
            throw invalid(id);
        }
        LocalDate first = switch (type) {
            case MONTH -> {
                if (number < 1 || number > 12) {
                    throw invalid(id);
                }
                yield LocalDate.of(year, number, 1);
            }
            case WEEK -> {
                LocalDate mid = LocalDate.of(year, 6, 1);
                if (number < 1 || number > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    throw invalid(id);
                }
                yield mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
            }
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
        };
        return startingOn(first);
    }

    /** The period that holds the instant. */
    public Period containing(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return startingOn(switch (type) {
            case MONTH -> day.withDayOfMonth(1);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case QUARTER -> day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        });
    }

    /**
     * The periods from {@code fromId} to {@code toId}, both included: the period holding {@code now} for a
     * missing {@code toId}, {@code toId} for a missing {@code fromId}. A range backwards or longer than
     * {@code max} periods is an invalid input.
     */
    public List<Period> range(String fromId, String toId, Instant now, int max) {
        Period to = toId == null ? containing(now) : parse(toId);
        Period from = fromId == null ? to : parse(fromId);
        if (from.start().isAfter(to.start())) {
            throw new InvalidInputException("invalid-parameter", "from (" + from.id() + ") is after to (" + to.id() + ").");
        }
        List<Period> periods = new ArrayList<>();
        for (Period period = from; !period.start().isAfter(to.start()); period = next(period)) {
            if (periods.size() == max) {
                throw new InvalidInputException("invalid-parameter",
                        "At most " + max + " periods at once; ask for a shorter range.");
            }
            periods.add(period);
        }
        return periods;
    }

    /** The period just before. */
    public Period previous(Period period) {
        return containing(period.start().minusNanos(1));
    }

    /** The period just after. */
    public Period next(Period period) {
        return containing(period.end());
    }

    private Period startingOn(LocalDate first) {
        LocalDate next = switch (type) {
            case MONTH -> first.plusMonths(1);
            case WEEK -> first.plusWeeks(1);
            case QUARTER -> first.plusMonths(3);
        };
        return new Period(idOf(first), first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }

    private String idOf(LocalDate first) {
        return switch (type) {
            case MONTH -> "%04d-%02d".formatted(first.getYear(), first.getMonthValue());
            case WEEK -> "%04d-W%02d".formatted(first.get(IsoFields.WEEK_BASED_YEAR),
                    first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case QUARTER -> "%04d-Q%d".formatted(first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
        };
    }

    private Pattern pattern() {
        return switch (type) {
            case MONTH -> MONTH;
            case WEEK -> WEEK;
            case QUARTER -> QUARTER;
        };
    }

    private InvalidInputException invalid(String id) {
        String example = switch (type) {
            case MONTH -> "2026-10";
            case WEEK -> "2026-W42";
            case QUARTER -> "2026-Q4";
        };
        return new InvalidInputException("invalid-period",
                "'" + id + "' is not a " + type + " period of this brand: use an id like " + example + ".");
    }
}
