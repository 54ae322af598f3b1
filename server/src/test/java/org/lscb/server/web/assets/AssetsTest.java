package org.lscb.server.web.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The static files: GOV.UK's stylesheet without GOV.UK's typeface or crest, served by versioned path only. */
class AssetsTest {

    private final Assets assets = Assets.bundled();

    @Test
    void the_stylesheet_names_arial_and_no_govuk_typeface_font_face_or_crest() {
        String css = new String(
                AssetServlet.find("/" + assets.version() + "/govuk-frontend.min.css")
                        .orElseThrow()
                        .plain(),
                StandardCharsets.UTF_8);
        assertThat(css).doesNotContain("GDS Transport", "@font-face", "govuk-crest", "/assets/");
        assertThat(css).contains("font-family:arial,sans-serif");
    }

    @Test
    void every_file_is_found_at_its_versioned_path_and_nowhere_else() {
        for (String name : new String[] {"govuk-frontend.min.css", "govuk-frontend.min.js", "app.js", "app.css"}) {
            String path = assets.path(name);
            assertThat(path).startsWith("/assets/" + assets.version() + "/");
            assertThat(AssetServlet.find(path.substring("/assets".length()))).isPresent();
        }
        assertThat(AssetServlet.find("/0000/app.js")).isEmpty();
        assertThat(AssetServlet.find("/" + assets.version() + "/../WEB-INF/web.xml"))
                .isEmpty();
        assertThat(AssetServlet.find("/" + assets.version())).isEmpty();
        assertThat(AssetServlet.find(null)).isEmpty();
        assertThatThrownBy(() -> assets.path("nothing.js")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_script_names_no_source_map_that_is_not_served() {
        String js = new String(
                AssetServlet.find("/" + assets.version() + "/govuk-frontend.min.js")
                        .orElseThrow()
                        .plain(),
                StandardCharsets.UTF_8);
        assertThat(js).doesNotContain("sourceMappingURL");
    }

    @Test
    void a_stylesheet_still_naming_govuk_typeface_after_the_edits_stops_the_start() {
        assertThatThrownBy(() -> GovukStylesheet.offGovUk("body{font-family:\"GDS Transport\",helvetica}"))
                .isInstanceOf(IllegalStateException.class);
    }
}
