package org.lscb.server.reviewer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.server.config.ServerConfig;

/** The guidance's rules with the periods this deployment configured. */
@ApplicationScoped
public class RegistryRules {

    @Produces
    @Singleton
    IndependenceCheck independence(ServerConfig config) {
        return new IndependenceCheck(config.independenceLookBack());
    }

    @Produces
    @Singleton
    QualificationRule qualification(ServerConfig config) {
        return new QualificationRule(config.trainingRevalidation());
    }
}
