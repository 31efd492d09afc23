package org.privatedomain.cdp.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    @Test
    void anIntervalOverMidnightHoldsBothEnds() {
        assertThat(overnight.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(overnight.contains(LocalTime.of(3, 0))).isTrue();
        assertThat(overnight.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(overnight.contains(LocalTime.of(21, 59))).isFalse();
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.contains(LocalTime.of(12, 30))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 0))).isFalse();
    }

    @Test
    void aMessageDueInQuietHoursWaitsForTheirEndInTheBrandsTimezone() {
        // 23:30 in Shanghai is 15:30 UTC; the quiet hours end at 08:00 the next local day, 00:00 UTC.
        assertThat(overnight.nextAllowed(Instant.parse("2026-10-10T15:30:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-10-11T00:00:00Z"));
        // 03:00 in Shanghai (19:00 UTC the day before) waits until 08:00 the same local day.
        assertThat(overnight.nextAllowed(Instant.parse("2026-10-10T19:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-10-11T00:00:00Z"));
        Instant noon = Instant.parse("2026-10-10T04:00:00Z");
        assertThat(overnight.nextAllowed(noon, SHANGHAI)).isEqualTo(noon);
    }
}
