package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScreenTest {

    @Test
    void a_png_file_is_drawn_as_an_image_and_any_other_file_is_only_downloaded() {
        assertThat(Screen.Image.of("trend.png", "image/png", "/f/1")).contains(new Screen.Image("trend.png", "/f/1"));
        assertThat(Screen.Image.of("Chart.PNG", null, "/f/2")).contains(new Screen.Image("Chart.PNG", "/f/2"));
        assertThat(Screen.Image.of("export.csv", "text/csv", "/f/3")).isEmpty();
        assertThat(Screen.Image.of(null, null, "/f/4")).isEmpty();
    }
}
