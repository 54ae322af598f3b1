package org.lscb.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.Opener;
import org.lscb.envelope.custody.KeyShare;
import org.lscb.envelope.custody.KeyShares;
import org.lscb.envelope.custody.SplitProof;

/**
 * The client's half of board key custody (docs/security.md "Board key custody"): splitting the board key among
 * custodians and sealing each share to one of them, opening one's own share and sealing it to a requester, and
 * rebuilding the key from approvals. Shares are opened in memory only and wiped after use; the rebuilt key lives only
 * as long as the command.
 */
final class BoardKeyCustody {

    private BoardKeyCustody() {}

    /** A custodian chosen by name: their account and the certificate their share is sealed to. */
    record Custodian(String accountId, String name, X509Certificate certificate) {
        String certificateId() {
            return certificate.getSerialNumber().toString(16);
        }
    }

    static String boardPath(String boardId) {
        return "/api/v1/boards/" + boardId;
    }

    /** The caller's board: the organisation of the signed-in account, or the one given. */
    static String boardId(Main main, String given) {
        if (given != null) {
            return given;
        }
        String org = main.api().get("/api/v1/me").asJsonObject().getString("organisationId", null);
        if (org == null) {
            throw new ClientException("your account is of no organisation: give --board");
        }
        return org;
    }

    /** The custodians named, each matched to exactly one candidate by username or display name. */
    static List<Custodian> custodians(Main main, String boardId, List<String> names) {
        List<JsonObject> candidates = main.api()
                .get(boardPath(boardId) + "/custody/candidates")
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        X509Certificate ca = pinnedCa(main);
        List<Custodian> out = new ArrayList<>();
        for (String name : names) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            List<JsonObject> found = candidates.stream()
                    .filter(c ->
                            c.getString("username").toLowerCase(Locale.ROOT).equals(wanted)
                                    || c.getString("displayName")
                                            .toLowerCase(Locale.ROOT)
                                            .equals(wanted))
                    .toList();
            if (found.size() != 1) {
                throw new ClientException(
                        found.isEmpty()
                                ? "no one of the board or its partner agencies with an enrolled key is called '" + name
                                        + "'"
                                : "'" + name + "' names " + found.size() + " people: give their username");
            }
            JsonObject c = found.get(0);
            out.add(new Custodian(
                    c.getString("accountId"),
                    c.getString("displayName"),
                    fromCa(ca, c.getJsonObject("certificate").getString("pem"))));
        }
        return out;
    }

    /**
     * Splits {@code board} among {@code custodians}, any {@code threshold} of whom rebuild it, and uploads the sealed
     * shares with the key's proof; {@code recoveryId} names the re-split request this split answers, if any.
     */
    static JsonObject split(
            Main main, String boardId, Identity board, List<Custodian> custodians, int threshold, String recoveryId)
            throws IOException {
        List<KeyShare> shares = KeyShares.split(board, custodians.size(), threshold, new SecureRandom());
        try {
            List<SplitProof.Sealed> sealed = new ArrayList<>();
            for (int i = 0; i < custodians.size(); i++) {
                sealed.add(new SplitProof.Sealed(
                        custodians.get(i).certificateId(),
                        sealSecret(board, custodians.get(i).certificate(), shares.get(i))));
            }
            String certificateId = board.certificate().getSerialNumber().toString(16);
            byte[] proof = SplitProof.sign(board, SplitProof.message(boardId, certificateId, threshold, sealed));
            JsonArrayBuilder list = Json.createArrayBuilder();
            sealed.forEach(s -> list.add(Json.createObjectBuilder()
                    .add("custodianCertificateId", s.custodianCertificateId())
                    .add("envelope", Base64.getEncoder().encodeToString(s.envelope()))));
            var body = Json.createObjectBuilder()
                    .add("boardCertificateId", certificateId)
                    .add("threshold", threshold)
                    .add("shares", list)
                    .add("proof", Base64.getEncoder().encodeToString(proof));
            if (recoveryId != null) {
                body.add("recoveryId", recoveryId);
            }
            return main.api()
                    .put(
                            boardPath(boardId) + "/custody",
                            "application/json",
                            body.build().toString().getBytes(StandardCharsets.UTF_8))
                    .asJsonObject();
        } finally {
            shares.forEach(KeyShare::wipe);
        }
    }

    /** A share sealed to one person and signed by {@code author}; its plaintext encoding is wiped once sealed. */
    static byte[] sealSecret(Identity author, X509Certificate to, KeyShare share) throws IOException {
        byte[] plain = share.encoded();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Envelopes.sealer(author, List.of(to)).seal(new ByteArrayInputStream(plain), out);
            return out.toByteArray();
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a sealed share with {@code me}, in memory, and checks who signed it: {@code signer} must be the one whose
     * certificate id is {@code expectedSigner}.
     */
    static KeyShare openShare(Identity me, String base64Envelope, String expectedSigner, String signerIs)
            throws org.lscb.envelope.EnvelopeOpeningException {
        Opener.OpenedSecret opened = Envelopes.opener(me)
                .openSecret(new ByteArrayInputStream(Base64.getDecoder().decode(base64Envelope)), KeyShare.MAX_ENCODED);
        try {
            String signer = opened.signer().getSerialNumber().toString(16);
            if (!signer.equals(expectedSigner)) {
                throw new ClientException("a share is signed by certificate " + signer + ", not by " + signerIs + " ("
                        + expectedSigner + "): refusing it");
            }
            return KeyShare.decode(opened.content());
        } finally {
            java.util.Arrays.fill(opened.content(), (byte) 0);
        }
    }

    static X509Certificate pinnedCa(Main main) {
        return main.settings()
                .pinnedCa()
                .orElseThrow(() -> new ClientException("no pinned CA: run 'lscb login' first"));
    }

    /** A certificate from the server, used only when the pinned deployment CA issued it and it is valid now. */
    static X509Certificate fromCa(X509Certificate ca, String pem) {
        X509Certificate c = Settings.certificate(pem);
        try {
            c.verify(ca.getPublicKey());
            c.checkValidity();
        } catch (Exception e) {
            throw new ClientException(
                    "certificate " + c.getSubjectX500Principal().getName()
                            + " is not from the pinned deployment CA or has expired: refusing to use it");
        }
        return c;
    }

    /**
     * Overwrites a key file with random bytes, forces that to the disk, and removes it: the board key leaves this
     * machine once its shares are with the custodians. (A copy-on-write or flash file system may keep old blocks;
     * the file's own password still protects them.)
     */
    static void wipe(Path file) throws IOException {
        long size = Files.size(file);
        byte[] noise = new byte[(int) Math.min(size, 1 << 20)];
        SecureRandom random = new SecureRandom();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            for (long left = size; left > 0; left -= noise.length) {
                random.nextBytes(noise);
                out.write(noise, 0, (int) Math.min(left, noise.length));
            }
            out.flush();
            ch.force(true);
        }
        Files.delete(file);
    }
}
