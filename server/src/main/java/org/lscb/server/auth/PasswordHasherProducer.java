package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.lscb.registry.account.PasswordHasher;

@ApplicationScoped
public class PasswordHasherProducer {

    @Produces
    @Singleton
    PasswordHasher hasher() {
        return PasswordHasher.standard();
    }
}
