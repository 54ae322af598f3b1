package org.lscb.library.check;

/** What the personal-data check looks for in a report before it is published [11]. */
public enum FindingKind {
    POSTCODE,
    NHS_NUMBER,
    DATE_OF_BIRTH,
    PHONE_NUMBER,
    EMAIL,
    NAME;

    /** How the finding is shown in place of itself in a context: {@code [postcode]}. */
    public String mask() {
        return "[" + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]";
    }
}
