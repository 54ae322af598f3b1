package org.lscb.server.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.lscb.exchange.audit.AuditEvent;
import org.lscb.exchange.audit.AuditLog;
import org.lscb.registry.organisation.Organisation;
import org.lscb.registry.organisation.OrganisationKind;
import org.lscb.registry.organisation.internal.JpaOrganisationRepository;
import org.lscb.registry.persistence.Database;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;

/** Registers boards and agencies; each change is audited in the same transaction. */
@ApplicationScoped
public class OrganisationService {

    private Database database;
    private Clock clock;

    protected OrganisationService() {
    }

    @Inject
    public OrganisationService(Database database) {
        this.database = database;
        this.clock = Clock.systemUTC();
    }

    public Organisation register(Caller by, String name, OrganisationKind kind, String area) {
        return database.inTransaction(em -> {
            Organisation o = new Organisation(name, kind, area);
            new JpaOrganisationRepository(em).add(o);
            new AuditLog(em).append(AuditEvent.of(clock.instant(), by.accountId(), "ORGANISATION_CREATED",
                    "organisation", o.id()).withDetails(o.kind() + " " + o.name()));
            return o;
        });
    }

    public Optional<Organisation> find(String id) {
        return database.read(em -> new JpaOrganisationRepository(em).byId(id));
    }

    public Page<Organisation> list(int page, int size) {
        return database.read(em -> {
            JpaOrganisationRepository repo = new JpaOrganisationRepository(em);
            List<Organisation> items = repo.page(page * size, size);
            return new Page<>(repo.count(), items);
        });
    }
}
