package org.lscb.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.PanelRule;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.config.ServerConfig;

/** The review rules with this deployment's configuration. */
@ApplicationScoped
public class ReviewRules {

    @Produces
    @Singleton
    ClockSpans clockSpans(ServerConfig config) {
        return config.clockSpans();
    }

    @Produces
    @Singleton
    WorkingDays workingDays() {
        return WorkingDays.englandAndWales();
    }

    @Produces
    @Singleton
    PanelRule panelRule(IndependenceCheck independence, QualificationRule qualification) {
        return new PanelRule(independence, qualification);
    }
}
