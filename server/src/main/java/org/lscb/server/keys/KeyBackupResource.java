package org.lscb.server.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import org.lscb.exchange.pki.WrappedKey;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Base64Field;
import org.lscb.server.json.MaxBodyBytes;
import org.lscb.server.json.RejectUnknownFields;

/**
 * The caller's own key backup (docs/api.md "Keys and certificates"). The path names no account: whoever calls
 * reaches their own backup and nobody else's.
 */
@Path("keys/backup")
@Produces(MediaType.APPLICATION_JSON)
public class KeyBackupResource {

    /** The largest body a backup needs: both bounded byte fields as base64 and the rest, with room to spare. */
    static final int MAX_BODY = 64 * 1024;

    private KeyBackups backups;
    private CallerResolver callers;
    private PublicLocations locations;

    protected KeyBackupResource() {}

    @Inject
    public KeyBackupResource(KeyBackups backups, CallerResolver callers, PublicLocations locations) {
        this.backups = backups;
        this.callers = callers;
        this.locations = locations;
    }

    /**
     * The backup as the browser made it, byte fields in base64. A field this record does not have is refused
     * rather than dropped: a backup stored without a value its maker meant to keep could never be opened.
     */
    @RejectUnknownFields
    @MaxBodyBytes(MAX_BODY)
    public record BackupBody(
            String format,
            String kdf,
            Integer iterations,
            String salt,
            String nonce,
            String ciphertext,
            String certificate) {}

    public record StoredView(String certificateId, String fingerprint, int iterations, String updatedAt) {}

    public record BackupView(
            String format,
            String kdf,
            int iterations,
            String salt,
            String nonce,
            String ciphertext,
            String certificate,
            String certificateId,
            String fingerprint,
            String updatedAt) {
        static BackupView of(KeyBackups.Backup b) {
            WrappedKey key = b.backup().key();
            Base64.Encoder b64 = Base64.getEncoder();
            try {
                return new BackupView(
                        key.format(),
                        key.kdf(),
                        key.iterations(),
                        b64.encodeToString(key.salt()),
                        b64.encodeToString(key.nonce()),
                        b64.encodeToString(key.ciphertext()),
                        b64.encodeToString(b.certificate().x509().getEncoded()),
                        b.certificate().id(),
                        b.certificate().fingerprint(),
                        b.backup().updatedAt().toString());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(
                        "stored certificate " + b.certificate().id() + " cannot be encoded", e);
            }
        }
    }

    /** Stores the caller's backup: {@code 201} when they had none, {@code 200} when it replaces theirs. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public Response store(BackupBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        if (body.iterations() == null) {
            throw new InvalidValueException("iterations", "is required");
        }
        WrappedKey key = new WrappedKey(
                body.format(),
                body.kdf(),
                body.iterations(),
                Base64Field.bytes("salt", body.salt()),
                Base64Field.bytes("nonce", body.nonce()),
                Base64Field.bytes("ciphertext", body.ciphertext()));
        KeyBackups.Stored s =
                backups.store(callers.caller(), key, Base64Field.bytes("certificate", body.certificate()));
        StoredView view = new StoredView(
                s.backup().certificate().id(),
                s.backup().certificate().fingerprint(),
                s.backup().backup().key().iterations(),
                s.backup().backup().updatedAt().toString());
        return (s.created() ? Response.created(locations.of("keys", "backup")) : Response.ok())
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public BackupView mine() {
        return backups.mine(callers.caller()).map(BackupView::of).orElseThrow(NotFoundException::new);
    }

    /** Removes the caller's backup; {@code 204} whether or not there was one. */
    @DELETE
    @RolesAllowed({
        "ADMIN",
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public Response remove() {
        backups.remove(callers.caller());
        return Response.noContent().build();
    }
}
