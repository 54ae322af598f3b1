package org.lscb.client;

import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lscb.envelope.Identity;
import org.lscb.envelope.custody.KeyShare;
import org.lscb.envelope.custody.KeyShares;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "complete",
        mixinStandardHelpOptions = true,
        description = "As the requester, once enough custodians approved: rebuild the board key here, in memory, do"
                + " what the request names (grant, re-wrap, or split again among --custodian with --threshold), close"
                + " the request and forget the key.")
final class BoardCompleteCommand implements Callable<Integer> {

    @ParentCommand
    BoardCommand board;

    @Parameters(index = "0", description = "the request's id")
    String recovery;

    @Option(names = "--threshold", description = "for a re-split: how many custodians must approve from now on")
    Integer threshold;

    @Option(names = "--custodian", description = "for a re-split: the new custodians (repeat)")
    List<String> custodians;

    @Mixin
    KeyOptions key;

    @Override
    public Integer call() throws Exception {
        String boardId = board.boardId();
        ServerApi api = board.main.api();
        String base = BoardKeyCustody.boardPath(boardId) + "/recoveries/" + recovery;
        JsonObject request = api.get(base).asJsonObject();
        String purpose = request.getString("purpose");
        if (purpose.equals("RESPLIT") && (threshold == null || custodians == null || custodians.isEmpty())) {
            throw new ClientException("a re-split needs --threshold and the new custodians (--custodian, repeated)");
        }
        JsonObject custody =
                api.get(BoardKeyCustody.boardPath(boardId) + "/custody").asJsonObject();
        X509Certificate ca = BoardKeyCustody.pinnedCa(board.main);
        X509Certificate boardCertificate = BoardKeyCustody.fromCa(
                ca, custody.getJsonObject("boardCertificate").getString("pem"));
        Map<String, String> custodianCertificates =
                custody.getJsonArray("custodians").getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(
                                c -> c.getString("accountId"),
                                c -> c.getJsonObject("certificate").getString("id")));
        var me = KeyFile.read(key.file(board.main.settings()), key.password());

        List<KeyShare> shares = new ArrayList<>();
        try {
            for (JsonObject a : api.get(base + "/approvals").asJsonArray().getValuesAs(JsonObject.class)) {
                String expected = custodianCertificates.get(a.getString("custodianAccountId"));
                if (expected == null || !expected.equals(a.getString("custodianCertificateId"))) {
                    throw new ClientException("an approval is not from a custodian of the current split: refusing it");
                }
                shares.add(BoardKeyCustody.openShare(me, a.getString("envelope"), expected, "its custodian"));
            }
            if (shares.size() < request.getInt("threshold")) {
                throw new ClientException(shares.size() + " of the " + request.getInt("threshold")
                        + " approvals needed so far: wait for more custodians");
            }
            Identity key = KeyShares.join(boardCertificate, shares);
            String done = switch (purpose) {
                case "GRANT", "REWRAP" -> deliver(base, key, ca);
                case "RESPLIT" -> resplit(boardId, key);
                default -> throw new ClientException("a request to " + purpose + " is not known to this client");
            };
            if (!purpose.equals("RESPLIT")) {
                api.post(base + "/completion", "application/json", new byte[0]);
            }
            board.main.out().println(done + " Request " + recovery + " completed; the board key is forgotten.");
            return 0;
        } finally {
            shares.forEach(KeyShare::wipe);
        }
    }

    /** Gives every certificate the server lists access to its document, with the rebuilt key. */
    private String deliver(String base, Identity boardKey, X509Certificate ca) throws Exception {
        int documents = 0;
        int recipients = 0;
        for (JsonObject d :
                board.main.api().get(base + "/deliveries").asJsonArray().getValuesAs(JsonObject.class)) {
            List<X509Certificate> to = d.getJsonArray("to").getValuesAs(JsonObject.class).stream()
                    .map(c -> BoardKeyCustody.fromCa(ca, c.getString("pem")))
                    .toList();
            if (to.isEmpty()) {
                continue;
            }
            GrantCommand.addRecipients(board.main, boardKey, d.getString("documentId"), to);
            documents++;
            recipients += to.size();
        }
        return "Gave " + recipients + " recipient" + (recipients == 1 ? "" : "s") + " access to " + documents
                + " document" + (documents == 1 ? "" : "s") + ".";
    }

    private String resplit(String boardId, Identity boardKey) throws Exception {
        List<BoardKeyCustody.Custodian> chosen = BoardKeyCustody.custodians(board.main, boardId, custodians);
        JsonObject custody = BoardKeyCustody.split(board.main, boardId, boardKey, chosen, threshold, recovery);
        return "Split the board key again: any " + custody.getInt("threshold") + " of " + custody.getInt("shares")
                + " custodians.";
    }
}
