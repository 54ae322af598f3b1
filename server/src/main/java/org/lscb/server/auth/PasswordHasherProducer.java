package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.lscb.identity.account.PasswordHasher;

@ApplicationScoped
public class PasswordHasherProducer {

    @Produces
    @Singleton
    PasswordHasher hasher() {
        return PasswordHasher.standard();
    }
}
