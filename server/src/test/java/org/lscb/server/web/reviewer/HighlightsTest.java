package org.lscb.server.web.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lscb.server.web.reviewer.Highlights.Piece;

class HighlightsTest {

    @Test
    void matchedWordsBecomePiecesAndTheRestStaysText() {
        assertThat(Highlights.pieces("Led <b>systems</b> reviews in <b>health</b>."))
                .containsExactly(
                        new Piece("Led ", false),
                        new Piece("systems", true),
                        new Piece(" reviews in ", false),
                        new Piece("health", true),
                        new Piece(".", false));
    }

    @Test
    void aSummarysOwnMarkupIsKeptAsTextForThePageToEscape() {
        assertThat(Highlights.pieces("<script>alert(1)</script> & <b>police</b> <i>x</i>"))
                .containsExactly(
                        new Piece("<script>alert(1)</script> & ", false),
                        new Piece("police", true),
                        new Piece(" <i>x</i>", false));
    }

    @Test
    void anUnclosedMarkAndNothingAtAllAreText() {
        assertThat(Highlights.pieces("only <b>half")).containsExactly(new Piece("only <b>half", false));
        assertThat(Highlights.pieces("")).isEqualTo(List.of());
        assertThat(Highlights.pieces(null)).isEqualTo(List.of());
    }
}
