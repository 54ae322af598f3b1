package org.lscb.registry.organisation;

import java.util.List;
import java.util.Optional;

/** Boards and agencies by id. */
public interface OrganisationRepository {

    Optional<Organisation> byId(String id);

    List<Organisation> page(int offset, int limit);

    /** Which of these ids name an organisation, in one query. */
    java.util.Set<String> existing(java.util.Collection<String> ids);

    long count();

    void add(Organisation organisation);
}
