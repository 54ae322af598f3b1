package org.lscb.server.demo;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.TotpEnrolment;
import org.lscb.server.auth.TotpSecrets;

/**
 * Two-factor sign-in for the demo's administrator and officers, set up at seeding so that scripts and
 * the README's walkthrough work: each secret is written, base32 and nothing else, to
 * {@code DATA_DIR/demo/totp/<username>} (owner-only), from which any TOTP tool computes the code.
 */
final class DemoTotp {

    private DemoTotp() {}

    static Path folder(Path dataDir) {
        return dataDir.resolve("demo").resolve("totp");
    }

    static void enrol(
            EntityManager em,
            TotpSecrets secrets,
            Path dataDir,
            List<String> usernames,
            Map<String, Account> accounts,
            Instant now) {
        try {
            Files.createDirectories(folder(dataDir));
            for (String username : usernames) {
                Account a = accounts.get(username);
                byte[] secret = secrets.newSecret();
                TotpEnrolment e = new TotpEnrolment(a.id(), secrets.wrap(a.id(), secret), now);
                e.confirm(now);
                em.persist(e);
                Path file = folder(dataDir).resolve(username);
                Files.writeString(
                        file, new Base32().encodeToString(secret).replace("=", ""), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(
                            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the data folder's own permissions apply
                }
                new AuditLog(em)
                        .append(AuditEvent.of(now, "system", AuditAction.TOTP_ENROLLED, "account", a.id())
                                .withDetails("demo secret in " + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo two-factor secrets", e);
        }
    }

    /** username=secret of each demo account that has one, for the start-up log. */
    static Map<String, String> read(Path dataDir, List<String> usernames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String u : usernames) {
            Path f = folder(dataDir).resolve(u);
            try {
                out.put(
                        u,
                        Files.exists(f)
                                ? Files.readString(f, StandardCharsets.US_ASCII).strip()
                                : "(missing)");
            } catch (IOException e) {
                out.put(u, "(unreadable)");
            }
        }
        return out;
    }
}
