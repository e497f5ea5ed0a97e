package dev.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void next_shouldSortByCreationTime_andBeUrlSafe() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L + i), ZoneOffset.UTC);
            ids.add(new IdGenerator(clock, new SecureRandom()).next());
        }

        assertThat(ids).isSorted().allMatch(id -> id.matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void next_shouldNotRepeat_withinOneMillisecond() {
        IdGenerator ids = new IdGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new SecureRandom());
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next());
        }
        assertThat(seen).hasSize(10_000);
    }
}
