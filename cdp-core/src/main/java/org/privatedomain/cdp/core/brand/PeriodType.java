package org.privatedomain.cdp.core.brand;

/** How a brand cuts time into reporting periods (fast-plus.md, "Time"). */
public enum PeriodType {
    /** Calendar months, ids like {@code 2026-10}. */
    MONTH,
    /** ISO weeks starting on Monday, ids like {@code 2026-W42}. */
    WEEK,
    /** Calendar quarters, ids like {@code 2026-Q4}. */
    QUARTER
}
