package org.lscb.registry.search;

/** The index's field names, each with the type chosen for its job. */
final class ReviewerFields {

    /** Keyword, stored: the reviewer id, the term documents are updated by. */
    static final String ID = "id";
    /** Text, stored: the name, searched with typo tolerance. */
    static final String NAME = "name";
    /** Text, stored: the summary, searched and highlighted. */
    static final String SUMMARY = "summary";
    /** Text: evidence titles and issuers, expertise and skills as words. */
    static final String TEXT = "text";
    /** Keywords plus facet doc values: filters and counts. */
    static final String EXPERTISE = "expertise";

    static final String REGION = "region";
    static final String EVIDENCE = "evidence";
    static final String AVAILABLE = "available";
    /** Long point: last day qualified as an epoch day; absent when not qualified at all. */
    static final String QUALIFIED_UNTIL = "qualified_until";
    /** 3-d long point per tie: organisation id as two longs, then the epoch day it counts until. */
    static final String TIE = "tie";
    /** Long point + doc value: when the row last changed, for staleness checks. */
    static final String UPDATED = "updated";

    private ReviewerFields() {}
}
