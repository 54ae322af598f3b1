package org.lscb.registry.search;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An organisation id as the two longs of a UUID, so that a tie to it can be one exact point in
 * the index. Ids that are not UUIDs map to a name-based UUID; the same id always maps alike.
 */
final class OrganisationKey {

    private OrganisationKey() {}

    static long[] of(String organisationId) {
        UUID u;
        try {
            u = UUID.fromString(organisationId);
        } catch (IllegalArgumentException notAUuid) {
            u = UUID.nameUUIDFromBytes(organisationId.getBytes(StandardCharsets.UTF_8));
        }
        return new long[] {u.getMostSignificantBits(), u.getLeastSignificantBits()};
    }
}
