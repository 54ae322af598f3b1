package org.lscb.reviews.cdop;

import org.lscb.foundation.value.InvalidValueException;

/**
 * How far the factors the panel found in one domain bear on the death, on the levels of the national analysis form
 * (Form C): "For each of the four domains, determine different levels of influence (0-3) for any identified
 * factors". The guidance asks the panel to consider modifiable factors in the family and environment, parenting
 * capacity and service provision (Appendix 1, [27]); the levels themselves are the form's, recorded with
 * {@link #SCALE}. On the wire a level is the form's own mark: {@code "0"}, {@code "1"}, {@code "1*"}, {@code "2"},
 * {@code "3"}.
 */
public enum FactorLevel {
    /** 0: information not available. */
    NOT_AVAILABLE("0"),
    /** 1: no factors identified. */
    NONE_IDENTIFIED("1"),
    /** 1*: factors identified, but unlikely to have contributed to the death. */
    UNLIKELY_TO_HAVE_CONTRIBUTED("1*"),
    /** 2: factors identified that may have contributed to vulnerability, ill-health or death. */
    MAY_HAVE_CONTRIBUTED("2"),
    /** 3: factors identified that provide a complete and sufficient explanation for the death. */
    COMPLETE_EXPLANATION("3");

    /** The form's scale of influence, 0 to 3 with 1*, of the DfE's Form C analysis proforma (Working Together 2013). */
    public static final String SCALE = "DFE-FORM-C-2013-0-3";

    private final String mark;

    FactorLevel(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }

    /**
     * @throws InvalidValueException naming {@code field} for anything but a mark of the form's scale
     */
    public static FactorLevel of(String mark, String field) {
        if (mark == null) {
            throw new InvalidValueException(field, "is required: one of 0, 1, 1*, 2, 3 (scale " + SCALE + ")");
        }
        for (FactorLevel l : values()) {
            if (l.mark.equals(mark)) {
                return l;
            }
        }
        throw new InvalidValueException(
                field,
                "must be one of 0, 1, 1*, 2, 3 (scale " + SCALE + "), not "
                        + (mark.length() > 10 ? mark.substring(0, 10) + "..." : mark));
    }
}
