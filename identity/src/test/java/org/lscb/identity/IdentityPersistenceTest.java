package org.lscb.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.BrowserSignIn;
import org.lscb.identity.account.BrowserSignInRepository;
import org.lscb.identity.account.RecoveryCode;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.TotpEnrolment;
import org.lscb.identity.account.Username;
import org.lscb.identity.organisation.BoardMembership;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;

/**
 * Organisations, board membership, accounts with roles and second factors round-trip through this
 * module's own Flyway scripts (on H2, and on PostgreSQL with {@code -Dtest.db=postgres}).
 */
class IdentityPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private Database database;

    @BeforeEach
    void open() {
        var ds = TestDataSources.fresh();
        SchemaMigrations.apply(ds, List.of("foundation", "identity"));
        database = Database.open(ds, "META-INF/identity-test-persistence.xml");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void boardWithMembers_andAnOfficerWithSecondFactor_areStoredAndReadBack() {
        String[] ids = database.inTransaction(em -> {
            Organisation board = new Organisation("Testshire LSCB", OrganisationKind.LSCB, "Testshire");
            Organisation police = new Organisation("Testshire Police", OrganisationKind.POLICE, null);
            var organisations = new OrganisationRepository(em);
            organisations.add(board);
            organisations.add(police);
            em.flush(); // accounts refer to organisations by id, not by a mapped relation: EclipseLink cannot
            // order them
            organisations.addMember(new BoardMembership(board, police, NOW));
            Account officer = new Account(
                    new Username("officer"), "Olive Officer", EnumSet.of(Role.LSCB_OFFICER), board.id(), null, NOW);
            new AccountRepository(em).add(officer);
            em.persist(new TotpEnrolment(officer.id(), "wrapped-secret", NOW));
            em.persist(new RecoveryCode(officer.id(), "abcd-efgh-ijkm-nopq"));
            return new String[] {board.id(), police.id(), officer.id()};
        });

        database.read(em -> {
            var organisations = new OrganisationRepository(em);
            assertThat(organisations.byId(ids[0]).orElseThrow().isBoard()).isTrue();
            assertThat(organisations.membersOf(ids[0])).containsExactly(ids[1]);
            Account officer = new AccountRepository(em)
                    .byUsername(new Username("officer"))
                    .orElseThrow();
            assertThat(officer.id()).isEqualTo(ids[2]);
            assertThat(officer.roles()).containsExactly(Role.LSCB_OFFICER);
            assertThat(officer.organisationId()).isEqualTo(ids[0]);
            TotpEnrolment totp = em.find(TotpEnrolment.class, ids[2]);
            assertThat(totp.secretWrapped()).isEqualTo("wrapped-secret");
            assertThat(totp.confirmed()).isFalse();
            assertThat(em.createQuery("select count(r) from RecoveryCode r", Long.class)
                            .getSingleResult())
                    .isEqualTo(1L);
            return null;
        });
    }

    @Test
    void secondAccountWithTheSameUsername_isRefusedByTheSchema() {
        String board = database.inTransaction(em -> {
            Organisation b = new Organisation("Testshire LSCB", OrganisationKind.LSCB, null);
            new OrganisationRepository(em).add(b);
            em.flush();
            new AccountRepository(em)
                    .add(new Account(
                            new Username("officer"),
                            "Olive Officer",
                            EnumSet.of(Role.LSCB_OFFICER),
                            b.id(),
                            null,
                            NOW));
            return b.id();
        });

        assertThatThrownBy(() -> database.inTransaction(em -> {
                    new AccountRepository(em)
                            .add(new Account(
                                    new Username("officer"),
                                    "Other Officer",
                                    EnumSet.of(Role.LSCB_OFFICER),
                                    board,
                                    null,
                                    NOW));
                    em.flush();
                    return null;
                }))
                .isInstanceOf(RuntimeException.class);
        long accounts = database.read(em -> new AccountRepository(em).count());
        assertThat(accounts).isEqualTo(1L);
    }

    @Test
    void browserSignIns_areReadById_andEndingAnAccountsEndsOnlyItsLiveOnes() {
        String[] ids = database.inTransaction(em -> {
            Organisation board = new Organisation("Signshire LSCB", OrganisationKind.LSCB, "Signshire");
            new OrganisationRepository(em).add(board);
            em.flush();
            Account officer = new Account(
                    new Username("signer"), "Sam Signer", EnumSet.of(Role.LSCB_OFFICER), board.id(), null, NOW);
            Account other = new Account(
                    new Username("other"), "Olga Other", EnumSet.of(Role.LSCB_OFFICER), board.id(), null, NOW);
            new AccountRepository(em).add(officer);
            new AccountRepository(em).add(other);
            em.flush();
            var signIns = new BrowserSignInRepository(em);
            BrowserSignIn first = new BrowserSignIn(officer, NOW);
            BrowserSignIn second = new BrowserSignIn(officer, NOW.plusSeconds(60));
            BrowserSignIn others = new BrowserSignIn(other, NOW);
            signIns.add(first);
            signIns.add(second);
            signIns.add(others);
            first.end(NOW.plusSeconds(30));
            return new String[] {first.id(), second.id(), others.id(), officer.id(), board.id()};
        });
        assertThat(ids[0]).hasSize(43).isNotEqualTo(ids[1]);

        database.read(em -> {
            BrowserSignIn second = new BrowserSignInRepository(em).byId(ids[1]).orElseThrow();
            assertThat(second.isLive()).isTrue();
            assertThat(second.accountId()).isEqualTo(ids[3]);
            assertThat(second.organisationId()).isEqualTo(ids[4]);
            assertThat(second.startedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(new BrowserSignInRepository(em).byId("no-such-sign-in")).isEmpty();
            return null;
        });
        int ended =
                database.inTransaction(em -> new BrowserSignInRepository(em).endAllOf(ids[3], NOW.plusSeconds(120)));
        assertThat(ended).as("only the live sign-in of that account").isEqualTo(1);
        database.read(em -> {
            var signIns = new BrowserSignInRepository(em);
            assertThat(signIns.byId(ids[0]).orElseThrow().isLive()).isFalse();
            assertThat(signIns.byId(ids[1]).orElseThrow().isLive()).isFalse();
            assertThat(signIns.byId(ids[2]).orElseThrow().isLive()).isTrue();
            return null;
        });
    }
}
