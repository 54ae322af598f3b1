package org.lscb.server.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.demo.DemoSeeder;

/**
 * What happens once at start-up, in order: check the configuration, migrate the schema and open
 * the database, read (or at first start make) the deployment's keys, make the first administrator, seed the
 * demo, bring the search indexes up to date and start their change feed. Any failure stops the server with a
 * sentence saying what to fix, rather than leaving it up and half-working.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    private volatile boolean finished;

    /** Collaborators are observer parameters, so that asking {@link #finished()} early opens nothing. */
    void onStart(
            @Observes @Initialized(ApplicationScoped.class) Object ignored,
            ServerConfig config,
            org.lscb.server.auth.TokenSigningKeys signingKeys,
            org.lscb.server.keys.CertificateAuthority authority,
            FirstAdministrator firstAdministrator,
            DemoSeeder demo,
            org.lscb.server.reviewer.ReviewerSearch reviewerSearch,
            org.lscb.server.library.ReportLibrary reportLibrary,
            org.lscb.server.review.OverdueSweepSchedule overdueSweep,
            org.lscb.server.document.BlobSweepSchedule blobSweep,
            org.lscb.server.search.SearchFeed searchFeed) {
        try {
            LOG.info(() -> "Data folder: " + config.dataDir());
            // a CA_SECRET other than the one the keys were wrapped under stops the server here
            signingKeys.keys();
            authority.ca();
            authority.gateway();
            firstAdministrator.ensure();
            if (config.demo()) {
                demo.seed();
            }
            reviewerSearch.ensureCurrent();
            reportLibrary.ensureCurrent();
            searchFeed.start();
            overdueSweep.start();
            blobSweep.start();
            finished = true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The server cannot start: " + e.getMessage(), e);
            Thread stopper = new Thread(() -> System.exit(3), "startup-failed");
            stopper.start();
            throw e;
        }
    }

    public boolean finished() {
        return finished;
    }
}
