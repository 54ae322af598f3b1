package org.lscb.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.envelope.EnvelopeProfile;
import org.lscb.exchange.pki.CertificatePurpose;
import org.lscb.exchange.pki.CertificateRepository;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.pki.KeyBackup;
import org.lscb.exchange.pki.KeyBackupRepository;
import org.lscb.exchange.pki.WrappedKey;
import org.lscb.exchange.store.Document;
import org.lscb.exchange.store.DocumentRepository;
import org.lscb.exchange.store.DocumentType;
import org.lscb.exchange.store.ProtectiveMarking;
import org.lscb.exchange.store.Receipt;
import org.lscb.exchange.store.StoredBlob;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;

/**
 * An issued certificate, a document addressed to it and the recipient's receipt round-trip through the
 * exchange's own Flyway scripts on top of the modules below it (H2, and PostgreSQL with
 * {@code -Dtest.db=postgres}). The review row is written in SQL: this module knows reviews only by id.
 */
class ExchangePersistenceTest {

    private static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private Database database;
    private javax.sql.DataSource dataSource;

    @BeforeEach
    void open() {
        dataSource = TestDataSources.fresh();
        SchemaMigrations.apply(dataSource, List.of("foundation", "identity", "registry", "reviews", "exchange"));
        database = Database.open(dataSource, "META-INF/exchange-test-persistence.xml");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void certificateDocumentAndReceipt_areStoredAndReadBack(@TempDir Path dir) throws Exception {
        DeploymentCa ca = DeploymentCa.openOrCreate(dir.resolve("ca.p12"), "secret".toCharArray(), "Test CA", NOW);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(3072);
        String reviewId = "00000000-0000-0000-0000-0000000000e1";

        String[] ids = database.inTransaction(em -> {
            Organisation board = new Organisation("Testshire LSCB", OrganisationKind.LSCB, null);
            new OrganisationRepository(em).add(board);
            em.flush();
            Account coroner = new Account(
                    new Username("coroner"), "Cora Coroner", EnumSet.of(Role.CORONER), board.id(), null, NOW);
            new AccountRepository(em).add(coroner);
            em.flush();
            em.createNativeQuery(
                            "INSERT INTO review (id, type, reference, pseudonym, lead_lscb_id, status, looked_after, created_at,"
                                    + " created_by, version) VALUES (?, 'CHILD_DEATH_REVIEW', 'TS-CDR-1', 'Child A', ?, 'IN_PROGRESS', FALSE, ?, ?, 0)")
                    .setParameter(1, reviewId)
                    .setParameter(2, board.id())
                    .setParameter(3, java.sql.Timestamp.from(NOW))
                    .setParameter(4, coroner.id())
                    .executeUpdate();
            X509Certificate x509 = ca.issueFor(
                    rsa.generateKeyPair().getPublic(),
                    DeploymentCa.subject("Cora Coroner", "Testshire LSCB", coroner.id()),
                    NOW);
            IssuedCertificate certificate =
                    new IssuedCertificate(x509, CertificatePurpose.PERSONAL, coroner.id(), null, NOW);
            new CertificateRepository(em).add(certificate);
            Document report = new Document(
                    reviewId,
                    new Document.Description(
                            DocumentType.CORONER_JOINT_REPORT,
                            "Joint report",
                            ProtectiveMarking.OFFICIAL_SENSITIVE,
                            "u-1"),
                    EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM,
                    new StoredBlob("ab".repeat(32), 4096),
                    Set.of(certificate.id()),
                    coroner.id(),
                    board.id(),
                    1,
                    NOW);
            var documents = new DocumentRepository(em);
            documents.add(report);
            em.flush();
            documents.add(new Receipt(report, coroner.id(), null, NOW));
            return new String[] {coroner.id(), certificate.id(), report.id()};
        });

        database.read(em -> {
            IssuedCertificate certificate =
                    new CertificateRepository(em).byId(ids[1]).orElseThrow();
            assertThat(certificate.accountId()).contains(ids[0]);
            assertThat(certificate.usableOn(NOW)).isTrue();
            var documents = new DocumentRepository(em);
            Document report = documents.byId(ids[2]).orElseThrow();
            assertThat(report.reviewId()).isEqualTo(reviewId);
            assertThat(report.type()).isEqualTo(DocumentType.CORONER_JOINT_REPORT);
            assertThat(report.recipients()).containsExactly(ids[1]);
            assertThat(report.sha256()).isEqualTo("ab".repeat(32));
            assertThat(documents.addressedTo(List.of(ids[1])))
                    .extracting(Document::id)
                    .containsExactly(ids[2]);
            assertThat(documents.receipts(ids[2]))
                    .extracting(Receipt::accountId)
                    .containsExactly(ids[0]);
            return null;
        });
    }

    @Test
    void keyBackup_isStoredReadBackReplacedAndRemoved_byItsAccount(@TempDir Path dir) throws Exception {
        DeploymentCa ca = DeploymentCa.openOrCreate(dir.resolve("ca.p12"), "secret".toCharArray(), "Test CA", NOW);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        WrappedKey first = wrapped((byte) 1, 138);
        WrappedKey second = wrapped((byte) 2, WrappedKey.MAX_CIPHERTEXT_BYTES);

        String[] ids = database.inTransaction(em -> {
            Organisation police = new Organisation("Testshire Police", OrganisationKind.POLICE, null);
            new OrganisationRepository(em).add(police);
            em.flush();
            Account agency = new Account(
                    new Username("agency"), "Ada Agency", EnumSet.of(Role.AGENCY_USER), police.id(), null, NOW);
            new AccountRepository(em).add(agency);
            em.flush();
            IssuedCertificate c1 = certificate(ca, ec, agency);
            IssuedCertificate c2 = certificate(ca, ec, agency);
            new CertificateRepository(em).add(c1);
            new CertificateRepository(em).add(c2);
            em.flush();
            new KeyBackupRepository(em).add(new KeyBackup(agency.id(), first, c1, NOW));
            return new String[] {agency.id(), c1.id(), c2.id()};
        });

        database.read(em -> {
            KeyBackup stored = new KeyBackupRepository(em).ofAccount(ids[0]).orElseThrow();
            assertThat(stored.key()).isEqualTo(first);
            assertThat(stored.certificateId()).isEqualTo(ids[1]);
            assertThat(stored.updatedAt()).isEqualTo(NOW);
            return null;
        });

        database.inTransaction(em -> {
            IssuedCertificate c2 = new CertificateRepository(em).byId(ids[2]).orElseThrow();
            new KeyBackupRepository(em).ofAccount(ids[0]).orElseThrow().replace(second, c2, NOW.plusSeconds(60));
            return null;
        });
        database.read(em -> {
            KeyBackup replaced = new KeyBackupRepository(em).ofAccount(ids[0]).orElseThrow();
            assertThat(replaced.key())
                    .as("the largest ciphertext fits its column")
                    .isEqualTo(second);
            assertThat(replaced.certificateId()).isEqualTo(ids[2]);
            assertThat(replaced.updatedAt()).isEqualTo(NOW.plusSeconds(60));
            return null;
        });

        database.inTransaction(em -> {
            KeyBackupRepository backups = new KeyBackupRepository(em);
            backups.remove(backups.ofAccount(ids[0]).orElseThrow());
            return null;
        });
        java.util.Optional<KeyBackup> gone = database.read(em -> new KeyBackupRepository(em).ofAccount(ids[0]));
        assertThat(gone).isEmpty();
    }

    private static WrappedKey wrapped(byte fill, int ciphertextBytes) {
        byte[] ciphertext = new byte[ciphertextBytes];
        java.util.Arrays.fill(ciphertext, fill);
        ciphertext[0] = (byte) 0xff;
        return new WrappedKey(
                WrappedKey.FORMAT,
                WrappedKey.KDF,
                WrappedKey.MIN_ITERATIONS + fill,
                new byte[] {fill, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                new byte[] {fill, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                ciphertext);
    }

    private static IssuedCertificate certificate(DeploymentCa ca, KeyPairGenerator ec, Account account) {
        X509Certificate x509 = ca.issueFor(
                ec.generateKeyPair().getPublic(),
                DeploymentCa.subject(account.displayName(), "Testshire Police", account.id()),
                NOW);
        return new IssuedCertificate(x509, CertificatePurpose.PERSONAL, account.id(), null, NOW);
    }
}
