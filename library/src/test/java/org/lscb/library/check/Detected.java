package org.lscb.library.check;

/** What a detector finds first in a text, as written there; null when it finds nothing. */
final class Detected {

    private Detected() {}

    static String first(Detector detector, String text) {
        return detector.find(text).stream()
                .map(m -> text.substring(m.start(), m.end()))
                .findFirst()
                .orElse(null);
    }
}
