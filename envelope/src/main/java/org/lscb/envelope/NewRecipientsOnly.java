package org.lscb.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule for a grant spliced into a stored envelope: it may only add recipients the envelope is not yet
 * addressed to. The server cannot see what a granted entry wraps, so an entry for a present recipient
 * could only take their access away, whether it replaced their working entry or sat beside it and was
 * found first.
 */
final class NewRecipientsOnly {

    private final List<EnvelopeInfo.RecipientRef> present;

    NewRecipientsOnly(List<EnvelopeInfo.RecipientRef> present) {
        this.present = List.copyOf(present);
    }

    /** @throws UnsupportedEnvelopeException naming the first granted recipient that is not plainly new */
    void check(List<EnvelopeInfo.RecipientRef> granted) {
        List<EnvelopeInfo.RecipientRef> seen = new ArrayList<>();
        for (EnvelopeInfo.RecipientRef g : granted) {
            if (present.stream().anyMatch(g::sameAs)) {
                throw new UnsupportedEnvelopeException("a grant for " + describe(g)
                        + ", to whom the envelope is already addressed" + " (a grant may only add recipients)");
            }
            if (seen.stream().anyMatch(g::sameAs)) {
                throw new UnsupportedEnvelopeException("a grant naming " + describe(g) + " twice");
            }
            // Bouncy Castle looks a recipient up by issuer and serial number before key identifier, so an entry named
            // that way would be found before a present recipient's own entry named by key identifier; and which
            // certificate a key identifier belongs to cannot be told without the certificates
            if (g.issuer() != null && present.stream().anyMatch(p -> p.issuer() == null)) {
                throw new UnsupportedEnvelopeException(
                        "a grant for " + describe(g) + " by issuer and serial number, to an envelope"
                                + " naming some recipients only by key identifier (whether it adds a recipient cannot be told)");
            }
            seen.add(g);
        }
    }

    private static String describe(EnvelopeInfo.RecipientRef r) {
        if (r.issuer() != null) {
            return "the certificate " + r.serial().toString(16) + " of " + r.issuer();
        }
        return "the key identifier " + java.util.HexFormat.of().formatHex(r.subjectKeyIdentifier());
    }
}
