package org.privatedomain.cdp.metrics.kpi;

import java.util.List;

/**
 * Monthly join cohorts: persons by the local month of their first membership, and how many of them were members
 * at some time in each month from the cohort's own to the last asked for ({@code members.get(0)} is the cohort's
 * month).
 */
public record RetentionMatrix(String from, String to, List<Cohort> cohorts) {

    public record Cohort(String month, long persons, List<Long> members) {
    }
}
