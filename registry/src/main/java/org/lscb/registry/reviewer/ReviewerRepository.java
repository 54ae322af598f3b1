package org.lscb.registry.reviewer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reviewers by id or by their own account, and in pages for rebuilding the search index. */
public interface ReviewerRepository {

    Optional<Reviewer> byId(String id);

    Optional<Reviewer> byAccount(String accountId);

    /** Reviewers in id order after {@code afterId} (null for the first page), with all their parts. */
    List<Reviewer> pageAfter(String afterId, int limit);

    long count();

    Optional<Instant> latestChange();

    void add(Reviewer reviewer);
}
