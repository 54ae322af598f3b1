package org.lscb.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.PasswordHasher;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.server.config.ServerConfig;

/**
 * Fictional organisations and the demo accounts the README lists, each with its username as password.
 * Refused on a production (non-embedded) database and on one that holds anything but demo data.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
    static final String MARK = "demo.seeded";

    @Inject
    ServerConfig config;

    @Inject
    Database database;

    @Inject
    PasswordHasher hasher;

    @Inject
    org.lscb.server.keys.CertificateAuthority authority;

    @Inject
    org.lscb.server.auth.TotpSecrets totpSecrets;

    @Inject
    org.lscb.server.library.PublicationService publication;
    /** Makes the demo's key pairs side by side. */
    @jakarta.annotation.Resource(lookup = "java:comp/DefaultManagedExecutorService")
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    public void seed() {
        if (!config.embeddedDatabase()) {
            throw new DemoRefusedException("demo mode is refused on a production database ("
                    + config.dbUrl().replaceAll("\\?.*", "") + "); it only seeds the embedded default");
        }
        boolean seededNow = database.inTransaction(em -> {
            if (alreadySeeded(em)) {
                return false;
            }
            if (new AccountRepository(em).count() > 0 || new OrganisationRepository(em).count() > 0) {
                throw new DemoRefusedException("demo mode is refused: the database in " + config.dataDir()
                        + " already holds data that is not demo data");
            }
            seedInto(em);
            return true;
        });
        if (seededNow) {
            publishDemoReport(); // through the publication service, which reads the committed review
        }
        LOG.info(() -> (seededNow ? "Seeded demo data. " : "Demo data already present. ")
                + "Demo logins (password = username): " + String.join(", ", DemoData.ACCOUNTS.keySet()));
        LOG.info(() -> "Demo two-factor secrets (base32, also in " + DemoTotp.folder(config.dataDir())
                + "/<username>): " + DemoTotp.read(config.dataDir(), DemoData.SECOND_FACTOR));
    }

    private static boolean alreadySeeded(EntityManager em) {
        return !em.createNativeQuery("SELECT setting_value FROM deployment_setting WHERE name = ?1")
                .setParameter(1, MARK)
                .getResultList()
                .isEmpty();
    }

    private void seedInto(EntityManager em) {
        Instant now = Clock.systemUTC().instant();
        OrganisationRepository orgs = new OrganisationRepository(em);
        Map<String, Organisation> byKey = new LinkedHashMap<>();
        DemoData.ORGANISATIONS.forEach((key, o) -> {
            Organisation org = new Organisation(o.name(), o.kind(), o.area());
            orgs.add(org);
            byKey.put(key, org);
        });
        em.flush(); // accounts and memberships refer to organisations by id, which JPA does not order by itself
        DemoData.MEMBERS.forEach((board, members) -> members.forEach(m -> orgs.addMember(
                new org.lscb.identity.organisation.BoardMembership(byKey.get(board), byKey.get(m), now))));
        AccountRepository accounts = new AccountRepository(em);
        Map<String, Account> accountByName = new LinkedHashMap<>();
        DemoData.ACCOUNTS.forEach((username, a) -> {
            Organisation org = a.organisationKey() == null ? null : byKey.get(a.organisationKey());
            Account account = new Account(
                    new Username(username),
                    a.displayName(),
                    EnumSet.of(a.role()),
                    org == null ? null : org.id(),
                    hasher.hash(username.toCharArray()),
                    now);
            accounts.add(account);
            accountByName.put(username, account);
        });
        em.flush();
        java.util.List<org.lscb.registry.reviewer.Reviewer> named = DemoReviewers.seed(em, byKey, accountByName, now);
        int reviewers = DemoReviewers.GENERATED + named.size();
        em.flush(); // appointments refer to reviewers by id
        int reviews = DemoReviews.seed(em, byKey, accountByName, named.get(1), named.get(0), now);
        reviews += DemoChildDeaths.seed(em, byKey, accountByName.get("cdop"), now);
        em.flush(); // actions refer to the reviews
        int actions = DemoActions.seed(em, byKey, accountByName, now);
        int keys = demoKeys(em, byKey, accountByName, now);
        DemoTotp.enrol(em, totpSecrets, config.dataDir(), DemoData.SECOND_FACTOR, accountByName, now);
        em.createNativeQuery("INSERT INTO deployment_setting (name, setting_value) VALUES (?1, ?2)")
                .setParameter(1, MARK)
                .setParameter(2, now.toString())
                .executeUpdate();
        new AuditLog(em)
                .append(AuditEvent.of(now, "system", AuditAction.DEMO_SEEDED, "deployment", "demo")
                        .withDetails(byKey.size() + " organisations, " + DemoData.ACCOUNTS.size() + " accounts, "
                                + reviewers + " reviewers, " + reviews + " reviews, " + actions + " actions, " + keys
                                + " key pairs in "
                                + keyFolder()));
    }

    private void publishDemoReport() {
        org.lscb.server.auth.Caller officer = database.read(em -> org.lscb.server.auth.Caller.of(
                new AccountRepository(em).byUsername(new Username("officer")).orElseThrow()));
        String reviewId = database.read(em -> em.createQuery(
                        "select r.id from org.lscb.reviews.Review r where r.reference = :ref", String.class)
                .setParameter("ref", DemoPublication.REVIEW)
                .getSingleResult());
        DemoPublication.publish(publication, officer, reviewId, publication.currentYear());
    }

    private java.nio.file.Path keyFolder() {
        return config.dataDir().resolve("demo").resolve("keys");
    }

    private int demoKeys(EntityManager em, Map<String, Organisation> orgs, Map<String, Account> accounts, Instant now) {
        Map<String, String> orgNames = new LinkedHashMap<>();
        orgs.values().forEach(o -> orgNames.put(o.id(), o.name()));
        try {
            var made =
                    DemoKeys.write(keyFolder(), authority.ca(), accounts, orgNames, orgs.get("board"), now, executor);
            var certs = new org.lscb.exchange.pki.CertificateRepository(em);
            for (DemoKeys.Made m : made) {
                certs.add(m.certificate());
                new AuditLog(em)
                        .append(AuditEvent.of(
                                        now,
                                        "system",
                                        AuditAction.CERTIFICATE_ISSUED,
                                        "certificate",
                                        m.certificate().id())
                                .withDetails("demo key " + m.fileName() + ".p12, sha256 "
                                        + m.certificate().fingerprint()));
            }
            return made.size();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the demo keys: " + e.getMessage(), e);
        }
    }

    /** Demo data, fictional throughout. */
    static final class DemoData {

        record Org(String name, OrganisationKind kind, String area) {}

        record Acc(String displayName, Role role, String organisationKey) {}

        static final Map<String, Org> ORGANISATIONS = new LinkedHashMap<>();
        static final Map<String, Acc> ACCOUNTS = new LinkedHashMap<>();
        /** Which organisations each demo board covers: Northmere's agencies, and Eastbrook's children's services. */
        static final Map<String, java.util.List<String>> MEMBERS = Map.of(
                "board", java.util.List.of("police", "health", "socialcare", "education", "coroner"),
                "board2", java.util.List.of("eastbrookcare"));
        /** The demo accounts whose roles need two-factor sign-in; enrolled at seeding, secrets written beside the keys. */
        static final java.util.List<String> SECOND_FACTOR = java.util.List.of("admin", "officer", "chair", "officer2");

        static {
            ORGANISATIONS.put(
                    "board",
                    new Org("Northmere Local Safeguarding Children Board", OrganisationKind.LSCB, "Northmere"));
            ORGANISATIONS.put(
                    "board2",
                    new Org("Eastbrook Local Safeguarding Children Board", OrganisationKind.LSCB, "Eastbrook"));
            ORGANISATIONS.put("police", new Org("Northmere Constabulary", OrganisationKind.POLICE, "Northmere"));
            ORGANISATIONS.put(
                    "health", new Org("Northmere Community Health NHS Trust", OrganisationKind.HEALTH, "Northmere"));
            ORGANISATIONS.put(
                    "socialcare",
                    new Org(
                            "Northmere Council Children's Social Care",
                            OrganisationKind.CHILDRENS_SOCIAL_CARE,
                            "Northmere"));
            ORGANISATIONS.put(
                    "education", new Org("Northmere Education Services", OrganisationKind.EDUCATION, "Northmere"));
            ORGANISATIONS.put(
                    "coroner",
                    new Org("Northmere and District Coroner's Court", OrganisationKind.CORONER, "Northmere"));
            ORGANISATIONS.put(
                    "eastbrookcare",
                    new Org(
                            "Eastbrook Council Children's Services",
                            OrganisationKind.CHILDRENS_SOCIAL_CARE,
                            "Eastbrook"));
            ORGANISATIONS.put("reviewers", new Org("Independent Reviewers Network", OrganisationKind.OTHER, null));

            ACCOUNTS.put("admin", new Acc("Demo Administrator", Role.ADMIN, null));
            ACCOUNTS.put("officer", new Acc("Olivia Officer (Northmere LSCB)", Role.LSCB_OFFICER, "board"));
            ACCOUNTS.put("chair", new Acc("Charles Chair (Chair, Northmere LSCB)", Role.LSCB_CHAIR, "board"));
            ACCOUNTS.put("police", new Acc("Paul Constable (Northmere Constabulary)", Role.AGENCY_USER, "police"));
            ACCOUNTS.put("health", new Acc("Hana Nurse (Northmere Community Health)", Role.AGENCY_USER, "health"));
            ACCOUNTS.put(
                    "socialcare",
                    new Acc("Sam Worker (Northmere Children's Social Care)", Role.AGENCY_USER, "socialcare"));
            ACCOUNTS.put("officer2", new Acc("Evan Officer (Eastbrook LSCB)", Role.LSCB_OFFICER, "board2"));
            ACCOUNTS.put(
                    "eastbrook",
                    new Acc("Erin Worker (Eastbrook Children's Services)", Role.AGENCY_USER, "eastbrookcare"));
            ACCOUNTS.put("reviewer1", new Acc("Rowan Reviewer", Role.REVIEWER, "reviewers"));
            ACCOUNTS.put("reviewer2", new Acc("Robin Reviewer", Role.REVIEWER, "reviewers"));
            ACCOUNTS.put("paediatrician", new Acc("Dr Priya Paediatrician (designated)", Role.PAEDIATRICIAN, "health"));
            ACCOUNTS.put("coroner", new Acc("Corin Coroner (HM Senior Coroner)", Role.CORONER, "coroner"));
            ACCOUNTS.put(
                    "cdop", new Acc("Casey Panel (Northmere Child Death Overview Panel)", Role.CDOP_MEMBER, "board"));
        }

        private DemoData() {}
    }
}
