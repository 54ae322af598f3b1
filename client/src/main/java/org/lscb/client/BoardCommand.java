package org.lscb.client;

import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lscb board}: the board key under M-of-N custody (docs/security.md "Board key custody"). An officer splits the
 * board key among custodians; from then on a grant, a re-wrap for someone's new key or a new split is a request that
 * {@code threshold} custodians approve, each from their own machine.
 */
@Command(
        name = "board",
        mixinStandardHelpOptions = true,
        description = "The board key under M-of-N custody: split it, ask for it, approve a request, complete one.",
        subcommands = {
            BoardCommand.Status.class,
            BoardSplitCommand.class,
            BoardRequestCommand.class,
            BoardApproveCommand.class,
            BoardCompleteCommand.class,
            BoardCommand.Cancel.class
        })
final class BoardCommand {

    @ParentCommand
    Main main;

    @Option(names = "--board", description = "the board's id (default: your own organisation)")
    String board;

    String boardId() {
        return BoardKeyCustody.boardId(main, board);
    }

    @Command(name = "custody", mixinStandardHelpOptions = true, description = "Show the split and the open requests.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        BoardCommand board;

        @Override
        public Integer call() {
            String boardId = board.boardId();
            ServerApi api = board.main.api();
            JsonObject custody =
                    api.get(BoardKeyCustody.boardPath(boardId) + "/custody").asJsonObject();
            var out = board.main.out();
            out.println("Board key " + custody.getJsonObject("boardCertificate").getString("fingerprint") + ": any "
                    + custody.getInt("threshold") + " of " + custody.getInt("shares") + " custodians");
            for (JsonObject c : custody.getJsonArray("custodians").getValuesAs(JsonObject.class)) {
                out.println("  " + c.getString("displayName") + " ("
                        + c.getJsonObject("certificate").getString("status").toLowerCase(java.util.Locale.ROOT) + ")");
            }
            for (JsonObject r : api.get(BoardKeyCustody.boardPath(boardId) + "/recoveries")
                    .asJsonArray()
                    .getValuesAs(JsonObject.class)) {
                if (r.getString("status").equals("OPEN")) {
                    out.println("Request " + r.getString("id") + ": " + r.getString("purpose") + ", "
                            + r.getInt("approvals") + " of " + r.getInt("threshold") + " approvals: "
                            + r.getString("reason"));
                }
            }
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Withdraw a request for the board key.")
    static final class Cancel implements Callable<Integer> {

        @ParentCommand
        BoardCommand board;

        @picocli.CommandLine.Parameters(index = "0", description = "the request's id")
        String recovery;

        @Override
        public Integer call() {
            board.main
                    .api()
                    .post(
                            BoardKeyCustody.boardPath(board.boardId()) + "/recoveries/" + recovery + "/cancellation",
                            "application/json",
                            new byte[0]);
            board.main.out().println("Request " + recovery + " withdrawn; its approvals are removed");
            return 0;
        }
    }
}
