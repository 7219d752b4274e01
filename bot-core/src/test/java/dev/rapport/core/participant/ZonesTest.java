package dev.rapport.core.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZonesTest {

    @Test
    void a_zone_is_found_whatever_the_case_and_with_spaces_for_underscores() {
        assertThat(Zones.parse("europe/lisbon")).contains(ZoneId.of("Europe/Lisbon"));
        assertThat(Zones.parse(" America/New York ")).contains(ZoneId.of("America/New_York"));
        assertThat(Zones.parse("utc")).contains(ZoneId.of("UTC"));
        assertThat(Zones.parse("Mars/Olympus")).isEmpty();
        assertThat(Zones.parse("")).isEmpty();
    }

    @Test
    void suggestions_put_cities_that_start_with_the_letters_first() {
        assertThat(Zones.suggest("lis", 5)).first().isEqualTo("Europe/Lisbon");
        assertThat(Zones.suggest("new", 25)).contains("America/New_York").hasSizeLessThanOrEqualTo(25);
        assertThat(Zones.suggest("york", 5)).contains("America/New_York");
        assertThat(Zones.suggest("", 25)).hasSize(25).allMatch(id -> id.contains("/"));
        assertThat(Zones.suggest("zzzz", 5)).isEmpty();
    }
}
