package org.lscb.registry.search;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * A search index that follows the database by version stamps through its {@link StampedIndex}: the register's
 * {@link ReviewerIndex} and the library's {@code ReportIndex}, so that one piece of the server keeps either current.
 *
 * @param <D> what the index holds of one row
 * @param <C> one row's change, as the index takes it
 */
public interface FollowsTheDatabase<D, C extends StampedIndex.Change<D>> {

    /** See {@link StampedIndex#appliedStamp}. */
    OptionalLong appliedStamp();

    /** See {@link StampedIndex#rebuildReason}. */
    Optional<String> rebuildReason(long committedStamp);

    /** See {@link StampedIndex#rebuild}. */
    void rebuild(Stream<D> all, long stamp);

    /** See {@link StampedIndex#catchUp}. */
    long catchUp(long committedStamp, LongFunction<List<C>> changesAfter);

    /** The rows the index holds. */
    long size();
}
