package org.lscb.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "request",
        mixinStandardHelpOptions = true,
        description = "Ask the custodians for the board key: 'grant DOCUMENT' (someone appointed late), 'rewrap"
                + " --account ID --lost-certificate ID' (someone lost their key) or 'resplit' (a custodian left).")
final class BoardRequestCommand implements Callable<Integer> {

    @ParentCommand
    BoardCommand board;

    @Parameters(index = "0", description = "grant, rewrap or resplit")
    String purpose;

    @Parameters(index = "1", arity = "0..1", description = "the document id, for grant")
    String document;

    @Option(names = "--account", description = "for rewrap: whose key was lost (account id or username)")
    String account;

    @Option(names = "--lost-certificate", description = "for rewrap: the certificate id of the lost key")
    String lostCertificate;

    @Option(names = "--reason", required = true, description = "why, for the custodians and the audit")
    String reason;

    @Mixin
    KeyOptions key;

    @Override
    public Integer call() {
        String boardId = board.boardId();
        var me = KeyFile.read(key.file(board.main.settings()), key.password());
        var body = Json.createObjectBuilder()
                .add("purpose", purpose.toUpperCase(java.util.Locale.ROOT))
                .add("reason", reason)
                .add(
                        "requesterCertificateId",
                        me.certificate().getSerialNumber().toString(16));
        if (document != null) {
            body.add("documentId", document);
        }
        if (account != null) {
            body.add("accountId", accountId(boardId, account));
        }
        if (lostCertificate != null) {
            body.add("lostCertificateId", lostCertificate);
        }
        JsonObject made = board.main
                .api()
                .post(
                        BoardKeyCustody.boardPath(boardId) + "/recoveries",
                        "application/json",
                        body.build().toString().getBytes(StandardCharsets.UTF_8))
                .asJsonObject();
        board.main
                .out()
                .println("Request " + made.getString("id") + " made: it needs " + made.getInt("threshold")
                        + " custodians to run 'lscb board approve " + made.getString("id") + " --board " + boardId
                        + "', then 'lscb board complete " + made.getString("id") + "'");
        return 0;
    }

    /** An account id as given, or the id of the candidate with that username. */
    private String accountId(String boardId, String given) {
        return board
                .main
                .api()
                .get(BoardKeyCustody.boardPath(boardId) + "/custody/candidates")
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(c -> c.getString("username").equalsIgnoreCase(given))
                .map(c -> c.getString("accountId"))
                .findFirst()
                .orElse(given);
    }
}
