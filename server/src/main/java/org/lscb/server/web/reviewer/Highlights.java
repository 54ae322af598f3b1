package org.lscb.server.web.reviewer;

import java.util.ArrayList;
import java.util.List;

/**
 * A search hit's highlight, as the register's search gives it (Lucene's default passage format: the
 * summary's own text, unescaped, with {@code <b>} and {@code </b>} around each matched word), split into
 * plain and matched pieces. The page writes each piece escaped and puts only its own {@code <mark>}
 * around a match, so that nothing a reviewer typed into their summary is ever read as markup. A summary
 * that itself holds the text {@code <b>} is shown with a mark there, never as markup.
 */
public final class Highlights {

    static final String OPEN = "<b>";
    static final String CLOSE = "</b>";

    /** One piece of a highlight; {@code matched} pieces are the words the search found. */
    public record Piece(String text, boolean matched) {}

    private Highlights() {}

    public static List<Piece> pieces(String fragment) {
        List<Piece> out = new ArrayList<>();
        if (fragment == null || fragment.isEmpty()) {
            return out;
        }
        int at = 0;
        while (at < fragment.length()) {
            int open = fragment.indexOf(OPEN, at);
            if (open < 0) {
                out.add(new Piece(fragment.substring(at), false));
                break;
            }
            int close = fragment.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                out.add(new Piece(fragment.substring(at), false));
                break;
            }
            if (open > at) {
                out.add(new Piece(fragment.substring(at, open), false));
            }
            out.add(new Piece(fragment.substring(open + OPEN.length(), close), true));
            at = close + CLOSE.length();
        }
        return out;
    }
}
