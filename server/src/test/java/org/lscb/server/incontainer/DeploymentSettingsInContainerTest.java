package org.lscb.server.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.startup.StartupSequence;

/** The shared deployment runs the application as configured for the test run, on the database the run asked for. */
@ExtendWith(ArquillianExtension.class)
class DeploymentSettingsInContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return InContainerDeployment.shared();
    }

    @Inject
    ServerConfig config;

    @Inject
    StartupSequence startup;

    @Test
    void theApplicationStarted_onTheDatabaseTheRunAskedFor() {
        String asked = ConfigProvider.getConfig().getValue("lscb.test.db", String.class);

        assertThat(startup.finished()).isTrue();
        assertThat(config.dbUrl()).startsWith(asked.equals("postgres") ? "jdbc:postgresql:" : "jdbc:h2:file:");
        assertThat(config.overdueSweepInterval()).hasHours(12);
    }
}
