package org.lscb.reviews.cdop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.lscb.foundation.value.Text;

/**
 * One of the panel's recommendations "to the LSCB or other relevant bodies" [27] and the organisation that acts on
 * it. Its text is stored in clear, so it is kept to a short line (at most {@link #MAX_TEXT} characters, one
 * paragraph): what to do, never the child's story, which stays in the encrypted documents.
 */
@Embeddable
public class Recommendation {

    /** A sentence or two: long enough for "Promote safe sleep advice at every health visitor contact". */
    public static final int MAX_TEXT = 280;

    /** More than any panel makes on one death; a bound on what one request can store. */
    public static final int MAX_PER_REVIEW = 20;

    @Column(name = "rec_text", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    protected Recommendation() {}

    /**
     * @param field the request's name for this recommendation, such as {@code recommendations[0]}
     * @throws org.lscb.foundation.value.InvalidValueException naming the field: empty or longer text, text with
     *     control characters (a line break included), no organisation
     */
    public Recommendation(String text, String organisationId, String field) {
        this.text = Text.required(text, field + ".text", MAX_TEXT);
        this.organisationId = Text.required(organisationId, field + ".organisationId", 36);
    }

    public String text() {
        return text;
    }

    public String organisationId() {
        return organisationId;
    }
}
