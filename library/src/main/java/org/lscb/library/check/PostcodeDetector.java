package org.lscb.library.check;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * UK postcodes [11], such as {@code SW1A 1AA} or {@code ne1 4st}. A string shaped like a postcode is found only when
 * it could be one and nothing says it is something else:
 *
 * <ul>
 *   <li>its area (the leading letters) is one of the 124 UK postcode areas, so {@code XJ22 0AB} is not one;
 *   <li>its last two letters are not C, I, K, M, O or V, which Royal Mail never uses there;
 *   <li>it stands alone: not joined to other letters, digits, hyphens or slashes ({@code KT-EX12 3AB-7} is a part
 *       number);
 *   <li>it does not follow a word that names a product code: model, part, product, serial, SKU, item, code, ref
 *       or "no." (so "model TN10 3DS" is not found).
 * </ul>
 *
 * <p>Written without its space ({@code SW1A1AA}) it is still found: people write them so.
 */
public final class PostcodeDetector implements Detector {

    static final Set<String> AREAS = Set.of(
            "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO",
            "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX",
            "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV",
            "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N",
            "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",
            "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN",
            "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE");

    private static final Pattern SHAPE = Pattern.compile(
            "(?<![\\p{L}\\p{N}/-])([A-Za-z]{1,2})([0-9][A-Za-z0-9]?) ?([0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\\p{L}\\p{N}/-])");

    private static final Pattern PRODUCT_LABEL =
            Pattern.compile("(?i)\\b(?:model|part|product|serial|sku|item|code|ref|no\\.?|number|#)\\s*[:#]?\\s*$");

    @Override
    public List<Match> find(String text) {
        return SHAPE.matcher(text)
                .results()
                .filter(m -> AREAS.contains(m.group(1).toUpperCase(Locale.ROOT)))
                .filter(m -> !labelledAsProduct(text, m))
                .map(m -> new Match(FindingKind.POSTCODE, m.start(), m.end()))
                .toList();
    }

    private static boolean labelledAsProduct(String text, MatchResult m) {
        String before = text.substring(Math.max(0, m.start() - 20), m.start());
        return PRODUCT_LABEL.matcher(before).find();
    }
}
