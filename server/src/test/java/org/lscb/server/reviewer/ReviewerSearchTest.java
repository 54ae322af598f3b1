package org.lscb.server.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.registry.reviewer.Skill;
import org.lscb.registry.search.ReviewerQuery;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.index.SearchChangeSignal;
import org.lscb.server.persistence.ApplicationSchema;

/**
 * A server's reviewer index kept in {@code DATA_DIR/index} while its database is restored from an older copy: the
 * index is at a stamp above the database's, holds reviewers the database lacks, and is rebuilt rather than caught
 * up, at start-up and at the search feed's poll (docs/operations.md "Search on every server").
 */
class ReviewerSearchTest {

    @TempDir
    Path dataDir;

    private final java.util.List<Database> databases = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    @Test
    void anIndexAheadOfARestoredDatabase_isRebuiltAtStartUp() {
        indexSevenReviewersNamedKept();
        Database restored = databaseWith("restored", 3);
        ReviewerSearch search =
                new ReviewerSearch(config(), restored, QualificationRule.standard(), new SearchChangeSignal());
        try {
            assertThat(search.ensureCurrent()).isTrue();

            assertThat(total(search, "kept")).isZero();
            assertThat(total(search, "restored")).isEqualTo(3);
            add(restored, "later", 1); // stamp 4, below the old index's 7
            assertThat(search.catchUp()).isEqualTo(1);
            assertThat(total(search, "later")).isEqualTo(1);
        } finally {
            search.close();
        }
    }

    @Test
    void anIndexAheadOfARestoredDatabase_isRebuiltAtTheFeedsPoll() {
        indexSevenReviewersNamedKept();
        Database restored = databaseWith("restored", 3);
        ReviewerSearch search =
                new ReviewerSearch(config(), restored, QualificationRule.standard(), new SearchChangeSignal());
        try {
            assertThat(search.catchUp()).isZero();

            assertThat(total(search, "kept")).isZero();
            assertThat(total(search, "restored")).isEqualTo(3);
            add(restored, "later", 1);
            assertThat(search.catchUp()).isEqualTo(1);
            assertThat(total(search, "later")).isEqualTo(1);
        } finally {
            search.close();
        }
    }

    /** A change committed whose catch-up then fails is still answered as made; the search feed applies it later. */
    @Test
    void aCatchUpThatFailsAfterACommit_isLoggedNotThrown() {
        DataSource ds = TestDataSources.fresh();
        ApplicationSchema.migrate(ds);
        Database db = Database.open(ds);
        ReviewerSearch search =
                new ReviewerSearch(config(), db, QualificationRule.standard(), new SearchChangeSignal());
        try {
            search.ensureCurrent();
            add(db, "committed", 1);
            db.close(); // the database gone between the commit and the catch-up

            assertThatThrownBy(search::catchUp).isInstanceOf(RuntimeException.class);
            assertThatCode(search::catchUpAfterCommit).doesNotThrowAnyException();
        } finally {
            search.close();
        }
    }

    /** The index on disk at stamp 7, built from a database that is then put away. */
    private void indexSevenReviewersNamedKept() {
        ReviewerSearch before = new ReviewerSearch(
                config(), databaseWith("kept", 7), QualificationRule.standard(), new SearchChangeSignal());
        try {
            before.ensureCurrent();
            assertThat(total(before, "kept")).isEqualTo(7);
        } finally {
            before.close();
        }
    }

    private Database databaseWith(String word, int reviewers) {
        DataSource ds = TestDataSources.fresh();
        ApplicationSchema.migrate(ds);
        Database db = Database.open(ds);
        databases.add(db);
        add(db, word, reviewers);
        return db;
    }

    /** Adds reviewers one transaction each, so each takes the next stamp. */
    private static void add(Database db, String word, int reviewers) {
        for (int i = 0; i < reviewers; i++) {
            db.inTransaction(em -> {
                new ReviewerRepository(em)
                        .add(new Reviewer(
                                null,
                                new Reviewer.Profile(
                                        "Reviewer " + word,
                                        word,
                                        Set.of(),
                                        Set.of(Skill.REPORT_WRITING),
                                        Set.of(),
                                        true),
                                Instant.parse("2026-06-01T10:00:00Z")));
                return null;
            });
        }
    }

    private static long total(ReviewerSearch search, String word) {
        return search.search(new ReviewerQuery(
                        word,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        LocalDate.of(2026, 6, 15),
                        LocalDate.of(2021, 6, 15),
                        0,
                        20))
                .total();
    }

    private ServerConfig config() {
        return new ServerConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }
        };
    }
}
