package org.lscb.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.lscb.envelope.custody.KeyShare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = "As a custodian, approve a request for the board key: your share is opened here, with your key,"
                + " and sent sealed to the requester alone.")
final class BoardApproveCommand implements Callable<Integer> {

    @ParentCommand
    BoardCommand board;

    @Parameters(index = "0", description = "the request's id")
    String recovery;

    @Mixin
    KeyOptions key;

    @Override
    public Integer call() throws Exception {
        String boardId = board.boardId();
        ServerApi api = board.main.api();
        String base = BoardKeyCustody.boardPath(boardId);
        JsonObject request = api.get(base + "/recoveries/" + recovery).asJsonObject();
        JsonObject custody = api.get(base + "/custody").asJsonObject();
        X509Certificate ca = BoardKeyCustody.pinnedCa(board.main);
        JsonObject requesterRef = request.getJsonObject("requesterCertificate");
        X509Certificate requester = BoardKeyCustody.fromCa(ca, requesterRef.getString("pem"));
        if (!request.getString("requestedBy").equals(requesterRef.getString("accountId"))) {
            throw new ClientException("the request's certificate is not its requester's own: refusing to seal to it");
        }
        var me = KeyFile.read(key.file(board.main.settings()), key.password());
        JsonObject mine = api.get(base + "/custody/share").asJsonObject();
        String boardCertificate = custody.getJsonObject("boardCertificate").getString("id");
        KeyShare share = BoardKeyCustody.openShare(me, mine.getString("envelope"), boardCertificate, "the board key");
        try {
            byte[] sealed = BoardKeyCustody.sealSecret(me, requester, share);
            api.post(
                    base + "/recoveries/" + recovery + "/approvals",
                    "application/json",
                    Json.createObjectBuilder()
                            .add("envelope", Base64.getEncoder().encodeToString(sealed))
                            .build()
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
        } finally {
            share.wipe();
        }
        board.main
                .out()
                .println("Approved request " + recovery + " (" + request.getString("purpose") + ": "
                        + request.getString("reason") + ") for "
                        + requester.getSubjectX500Principal().getName());
        return 0;
    }
}
