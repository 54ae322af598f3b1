package org.lscb.server.web.envelope;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.store.DocumentType;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.keys.KeyService;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.Select;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.session.SignedIn;

/**
 * {@code GET /reviews/{id}/send}: sending a document from the browser. The page names the recipients the
 * server says a new document must be encrypted to ({@code GET /api/v1/reviews/{id}/recipients}), by name and
 * fingerprint as {@code lscb recipients} does; its script ({@code send-page.js}) checks each certificate
 * against the pinned CA, signs and encrypts the file on the person's computer, and uploads only the envelope
 * through {@code POST /api/v1/reviews/{id}/documents}, for the same roles.
 */
@Path("reviews/{id}/send")
@Produces(MediaType.TEXT_HTML)
public class SendPage {

    /** The roles {@code POST /api/v1/reviews/{id}/documents} admits. */
    static final Role[] SENDERS = {Role.LSCB_OFFICER, Role.AGENCY_USER, Role.REVIEWER, Role.PAEDIATRICIAN, Role.CORONER
    };

    /** The largest file the browser seals: WebCrypto's AES-GCM is one-shot, so the page holds the file about four times over. */
    public static final long MAX_BROWSER_BYTES = 256L << 20;

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;
    private KeyService keys;

    protected SendPage() {}

    @Inject
    public SendPage(SignedIn signedIn, Pages pages, ReviewService reviews, KeyService keys) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
        this.keys = keys;
    }

    /**
     * One recipient as the page lists it, with the types of document sealed to them (need to know,
     * {@link org.lscb.exchange.store.NeedToKnow}); empty where the page does not say.
     */
    public record Recipient(String id, String subject, String fingerprint, boolean boardKey, List<String> types) {
        static Recipient of(IssuedCertificate c) {
            return new Recipient(
                    c.id(),
                    c.subject(),
                    c.fingerprint(),
                    c.purpose() == org.lscb.exchange.pki.CertificatePurpose.BOARD,
                    List.of());
        }

        Recipient receiving(List<String> types) {
            return new Recipient(id, subject, fingerprint, boardKey, List.copyOf(types));
        }

        /** "Every kind of document", or the kinds, in words. */
        public String receives() {
            if (types.size() == DocumentType.values().length) {
                return "Every kind of document";
            }
            return String.join(", ", types.stream().map(Words::documentType).toList());
        }
    }

    public record View(
            String reviewId, String reference, String pseudonym, String accountId, List<Recipient> recipients) {

        public Select type() {
            List<Select.Item> items = new java.util.ArrayList<>();
            items.add(Select.Item.of("", "Choose the kind of document"));
            Arrays.stream(DocumentType.values())
                    .forEach(t -> items.add(Select.Item.of(t.name(), Words.documentType(t.name()))));
            return Select.of("type", Label.of("Kind of document"), items, "");
        }

        public Input title() {
            return Input.text("title", Label.of("Title"), "")
                    .withHint(org.lscb.server.web.component.Hint.of(
                            "What recipients see in their lists. Leave it empty to use the file's name."));
        }

        public Radios marking() {
            return Radios.of(
                    "marking",
                    new Fieldset.Legend(TextOrHtml.text("Protective marking"), false, "govuk-fieldset__legend--s"),
                    List.of(
                            Radios.Item.of("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
                            Radios.Item.of("OFFICIAL", "OFFICIAL")),
                    "OFFICIAL-SENSITIVE");
        }

        public String largest() {
            return Words.bytes(MAX_BROWSER_BYTES);
        }

        public long largestBytes() {
            return MAX_BROWSER_BYTES;
        }
    }

    @GET
    public Response page(@PathParam("id") String reviewId) {
        Caller c = signedIn.withAnyRole(SENDERS);
        ReviewService.Seen seen = reviews.get(c, reviewId);
        // everyone who receives some type of document: the table says which types each receives, and the script asks
        // for the recipients of the type chosen, each of whom must be one shown here
        java.util.Map<String, Recipient> shown = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> receives = new java.util.LinkedHashMap<>();
        keys.recipientsByType(c, reviewId).forEach((t, certs) -> {
            for (IssuedCertificate cert : certs) {
                shown.putIfAbsent(cert.id(), Recipient.of(cert));
                receives.computeIfAbsent(cert.id(), k -> new java.util.ArrayList<>())
                        .add(t.name());
            }
        });
        List<Recipient> recipients = shown.values().stream()
                .map(r -> r.receiving(receives.get(r.id())))
                .toList();
        View view = new View(
                seen.review().id(), seen.review().reference(), seen.review().pseudonym(), c.accountId(), recipients);
        return Pages.page(
                "pages/envelope/send.jte",
                pages.chrome("Send a document to review " + seen.review().reference(), "reviews")
                        .withScripts("send-page.js"),
                Map.of("view", view));
    }
}
