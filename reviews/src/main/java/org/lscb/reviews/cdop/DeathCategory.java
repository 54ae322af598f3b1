package org.lscb.reviews.cdop;

import org.lscb.foundation.value.InvalidValueException;

/**
 * The category of death the panel assigns on the national analysis form (Form C, "Categorisation of death"), the
 * ten categories the DfE's child death review statistics count by [27, 28]. Stored as its code, 1 to 10, with
 * {@link #SCHEME}, so a later scheme can be told apart from this one.
 */
public enum DeathCategory {
    DELIBERATELY_INFLICTED_INJURY(1, "Deliberately inflicted injury, abuse or neglect"),
    SUICIDE_OR_SELF_HARM(2, "Suicide or deliberate self-inflicted harm"),
    TRAUMA_AND_EXTERNAL_FACTORS(3, "Trauma and other external factors"),
    MALIGNANCY(4, "Malignancy"),
    ACUTE_MEDICAL_OR_SURGICAL(5, "Acute medical or surgical condition"),
    CHRONIC_MEDICAL(6, "Chronic medical condition"),
    CHROMOSOMAL_GENETIC_CONGENITAL(7, "Chromosomal, genetic and congenital anomalies"),
    PERINATAL_NEONATAL_EVENT(8, "Perinatal/neonatal event"),
    INFECTION(9, "Infection"),
    SUDDEN_UNEXPECTED_UNEXPLAINED(10, "Sudden unexpected, unexplained death");

    /** The categorisation of the DfE's Form C analysis proforma (Working Together 2013). */
    public static final String SCHEME = "DFE-FORM-C-2013";

    private final int code;
    private final String label;

    DeathCategory(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /**
     * @throws InvalidValueException naming {@code field} for a code outside 1 to 10
     */
    public static DeathCategory of(Integer code, String field) {
        if (code == null) {
            throw new InvalidValueException(field, "is required: a code from 1 to 10 of scheme " + SCHEME);
        }
        for (DeathCategory c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new InvalidValueException(field, "must be a code from 1 to 10 of scheme " + SCHEME + ", not " + code);
    }
}
