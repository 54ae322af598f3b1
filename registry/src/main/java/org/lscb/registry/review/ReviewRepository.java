package org.lscb.registry.review;

import java.util.List;
import java.util.Optional;

/** Reviews, found by id or by the relations that let a caller see them. */
public interface ReviewRepository {

    Optional<Review> byId(String id);

    /** Reviews the viewer might stand in a relation to, newest first; callers filter by {@link ReviewAccess}. */
    List<Review> candidatesFor(ReviewAccess.Viewer viewer);

    /** Reviews where the reviewer holds a live appointment. */
    List<Review> withLiveAppointmentOf(String reviewerId);

    boolean referenceTaken(String leadLscbId, String reference);

    void add(Review review);
}
