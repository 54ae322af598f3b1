package org.lscb.server.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.lscb.registry.search.FollowsTheDatabase;
import org.lscb.registry.search.StampedIndex;

/**
 * How one of this server's search indexes follows the database by version stamps (docs/architecture.md "Search"),
 * for the reviewer register ({@code ReviewerSearch}) and the public library ({@code ReportLibrary}): brought up to
 * date at start-up, caught up after each change made on this server and at each poll of the {@code org.lscb.server.search.SearchFeed}, and
 * rebuilt instead whenever it must be ({@link StampedIndex#rebuildReason}), above all when its stamp is above the
 * database's: caught up, it would keep rows the database lacks and skip the changes up to its stamp.
 *
 * @param <D> what the index holds of one row
 * @param <C> one row's change, as the index takes it
 */
public final class IndexFollower<D, C extends StampedIndex.Change<D>> {

    /** The index's rows in the database, as its owner reads them. */
    public interface Rows<D, C> {
        /** The database's highest committed stamp for the index. */
        long committedStamp();

        /** One page of the changes above {@code stamp}, in stamp order; empty when there are no more. */
        List<C> changesAfter(long stamp);

        /** Every row the index holds, for a rebuild; streamed, not all held at once. */
        Stream<D> all();
    }

    private static final Logger LOG = Logger.getLogger(IndexFollower.class.getName());

    private final String name;
    private final String rowsName;
    private final Supplier<? extends FollowsTheDatabase<D, C>> index;
    private final Rows<D, C> rows;

    /**
     * @param name the index in log lines ("reviewer index"), which operators and tests read
     * @param rowsName what it holds, plural ("reviewers")
     */
    public IndexFollower(
            String name, String rowsName, Supplier<? extends FollowsTheDatabase<D, C>> index, Rows<D, C> rows) {
        this.name = name;
        this.rowsName = rowsName;
        this.index = index;
        this.rows = rows;
    }

    /**
     * Brings the index up to date at start-up: rebuilt when it must be, else caught up with the changes above the
     * stamp it holds, so a current index re-adds nothing. Answers whether it rebuilt.
     */
    public synchronized boolean ensureCurrent() {
        FollowsTheDatabase<D, C> idx = index.get();
        long committed = rows.committedStamp();
        Optional<String> why = idx.rebuildReason(committed);
        if (why.isPresent()) {
            rebuild(idx, committed, why.get());
            return true;
        }
        long from = idx.appliedStamp().getAsLong();
        long applied = catchUp(idx, committed);
        LOG.info(() -> "The " + name + " on disk was at stamp " + from + ": " + applied
                + " changes applied at start-up, now at stamp "
                + idx.appliedStamp().getAsLong());
        return false;
    }

    /**
     * Applies the changes committed on any server since the index's stamp, or rebuilds it when it must be; a cheap
     * read of the database's stamp when there is nothing new. Answers how many changes it applied, none for a
     * rebuild.
     */
    public synchronized long catchUp() {
        FollowsTheDatabase<D, C> idx = index.get();
        long committed = rows.committedStamp();
        Optional<String> why = idx.rebuildReason(committed);
        if (why.isPresent()) {
            rebuild(idx, committed, why.get());
            return 0;
        }
        return catchUp(idx, committed);
    }

    /**
     * Catches up after a change this server has committed, so that the change is searchable when its call returns.
     * A failure here (the database gone, a file that cannot be read) is logged and left to the search feed, which
     * applies the change at its next poll: the change is committed, and its caller must be told so rather than
     * answered with an error that a retry would turn into a conflict.
     */
    public void catchUpAfterCommit() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "could not apply a committed change to the " + name
                            + "; the search feed applies it at its next poll");
        }
    }

    private long catchUp(FollowsTheDatabase<D, C> idx, long committed) {
        if (committed == idx.appliedStamp().getAsLong()) {
            return 0;
        }
        return idx.catchUp(committed, rows::changesAfter);
    }

    /**
     * Replaces the index with the database's rows at {@code stamp}, read before the rows: a change committed in
     * between is in the rows and applied again by the next catch-up, harmlessly.
     */
    private void rebuild(FollowsTheDatabase<D, C> idx, long stamp, String why) {
        // an index that had a stamp was thought current: rebuilding it is news for the operator
        Level level = idx.appliedStamp().isPresent() ? Level.WARNING : Level.INFO;
        long started = System.nanoTime();
        try (Stream<D> all = rows.all()) {
            idx.rebuild(all, stamp);
        }
        LOG.log(
                level,
                () -> "Rebuilt the " + name + " from the database: " + idx.size() + " " + rowsName + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms, at stamp " + stamp + ", as " + why);
    }
}
