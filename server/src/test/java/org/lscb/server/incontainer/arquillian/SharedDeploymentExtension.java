package org.lscb.server.incontainer.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link SharedDeploymentContainer} in place of the Payara Micro connector's own container (client side only). */
public class SharedDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(
                DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedDeploymentContainer.class);
    }
}
