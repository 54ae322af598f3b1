package org.lscb.server.incontainer.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
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
    private Path connectorFolder;

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
        ProtocolMetaData started = deployWatchingTheProcess(archive);
        if (started == null) {
            // the connector logs why (timeout or a failed start) and answers null
            throw new DeploymentException("Payara Micro did not start with " + archive.getName()
                    + "; its output is in target/failsafe-reports/*InContainerTest-output.txt");
        }
        metaData = onLoopback(started);
        deployed = archive;
        return metaData;
    }

    /**
     * The connector waits for Payara Micro's "ready" line until its start-up timeout, even when the process has
     * already ended (an application that cannot start stops the server): this gives up as soon as it has ended.
     */
    private ProtocolMetaData deployWatchingTheProcess(Archive<?> archive) throws DeploymentException {
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "payara-micro-deploy");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<ProtocolMetaData> deploying = starter.submit(() -> micro.deploy(archive));
            Optional<ProcessHandle> payara = Optional.empty();
            while (true) {
                try {
                    return deploying.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillStarting) {
                    if (payara.isEmpty()) {
                        payara = payaraProcesses().stream().findFirst();
                        payara.ifPresent(this::rememberConnectorFolder);
                    } else if (!payara.get().isAlive()) {
                        deploying.cancel(true);
                        throw new DeploymentException(
                                "Payara Micro ended before " + archive.getName()
                                        + " was deployed; its output is in target/failsafe-reports/*InContainerTest-output.txt");
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof DeploymentException d) {
                        throw d;
                    }
                    throw new DeploymentException("cannot deploy " + archive.getName(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    deploying.cancel(true);
                    throw new DeploymentException("interrupted while Payara Micro started", e);
                }
            }
        } finally {
            starter.shutdown();
        }
    }

    /** The Payara Micro processes this JVM started (the connector keeps its own handle to itself). */
    private List<ProcessHandle> payaraProcesses() {
        String jar = configuration.getMicroJarFile().getAbsolutePath();
        return ProcessHandle.current()
                .children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .toList();
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the next test class; stop() ends it with the run
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        List<ProcessHandle> payara = payaraProcesses();
        try {
            if (deployed != null) {
                micro.undeploy(deployed);
            } else {
                // a start that timed out: the connector gave up on the process but left it running
                payara.forEach(ProcessHandle::destroy);
            }
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
        deleteConnectorFolder();
    }

    /** The connector copies the war into a temporary folder of its own for each start, and leaves it behind. */
    private void rememberConnectorFolder(ProcessHandle payara) {
        String[] args = payara.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--deploy")) {
                Path folder = Path.of(args[i + 1]).getParent().getParent();
                if (folder != null && folder.getFileName().toString().startsWith("arquillian-payara-micro")) {
                    connectorFolder = folder;
                }
            }
        }
    }

    private void deleteConnectorFolder() {
        if (connectorFolder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(connectorFolder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is no reason to fail the run
        }
        connectorFolder = null;
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
