package org.lscb.server.incontainer.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's managed container, deploying once per test run. The connector starts a Payara Micro process for
 * each deployment and stops it when the test class ends; every {@code *InContainerTest} class names the same
 * deployment ({@code InContainerDeployment}), so this keeps the first process and hands its address to each later
 * class, and stops it when the run ends. It also talks to the server on 127.0.0.1, where the pre-boot commands
 * bind it, rather than the host name Payara Micro reports.
 */
public class SharedDeploymentContainer implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private final PayaraMicroDeployableContainer micro = new PayaraMicroDeployableContainer();
    private PayaraMicroContainerConfiguration configuration;
    private Archive<?> deployed;
    private ProtocolMetaData metaData;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return micro.getConfigurationClass();
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = configuration;
        micro.setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        micro.start();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return micro.getDefaultProtocol();
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (deployed != null) {
            if (!deployed.getName().equals(archive.getName())) {
                throw new DeploymentException("the in-container tests share one deployment, " + deployed.getName()
                        + "; " + archive.getName() + " is another (use InContainerDeployment.shared())");
            }
            return metaData;
        }
        ProtocolMetaData started = micro.deploy(archive);
        if (started == null) {
            // the connector logs why (timeout or a failed start) and answers null
            throw new DeploymentException("Payara Micro did not start with " + archive.getName() + "; see its output above");
        }
        metaData = onLoopback(started);
        deployed = archive;
        return metaData;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the next test class; stop() ends it with the run
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        if (deployed == null) {
            return;
        }
        List<ProcessHandle> payara = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(configuration.getMicroJarFile().getAbsolutePath())).orElse(false))
                .toList();
        try {
            micro.undeploy(deployed);
        } catch (DeploymentException e) {
            throw new LifecycleException("cannot stop Payara Micro", e);
        } finally {
            deployed = null;
        }
        // the connector asks the process to stop and returns; wait for it, so that the next run finds the data free
        for (ProcessHandle p : payara) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
                throw new LifecycleException("interrupted while Payara Micro stopped", e);
            }
        }
    }

    private static ProtocolMetaData onLoopback(ProtocolMetaData reported) {
        ProtocolMetaData loopback = new ProtocolMetaData();
        for (HTTPContext c : reported.getContexts(HTTPContext.class)) {
            HTTPContext local = new HTTPContext(c.getName(), "127.0.0.1", c.getPort());
            c.getServlets().forEach(local::add);
            loopback.addContext(local);
        }
        return loopback;
    }
}
