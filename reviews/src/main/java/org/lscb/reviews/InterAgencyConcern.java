package org.lscb.reviews;

/** Is there cause for concern about how organisations worked together (regulation 5(2)(b)(ii))? */
public enum InterAgencyConcern {
    YES,
    NO,
    /** Not clear either way: the guidance [18] treats this as a concern. */
    UNCLEAR
}
