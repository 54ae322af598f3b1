package org.lscb.client;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lscb.envelope.Identity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "split",
        mixinStandardHelpOptions = true,
        description =
                "Split the board key among custodians, any THRESHOLD of whom can rebuild it, upload each share sealed"
                        + " to its custodian, then overwrite and remove the key file: the whole key leaves this machine.")
final class BoardSplitCommand implements Callable<Integer> {

    @ParentCommand
    BoardCommand board;

    @Option(names = "--board-key", required = true, description = "the board key's PKCS#12 file (wiped once split)")
    Path boardKey;

    @Option(
            names = "--board-key-password-file",
            description = "a file holding the board key file's password (or LSCB_BOARD_KEY_PASSWORD, or a prompt)")
    Path boardKeyPassword;

    @Option(names = "--threshold", required = true, description = "how many custodians must approve")
    int threshold;

    @Option(names = "--shares", description = "how many shares (default: one for each custodian named)")
    Integer shares;

    @Option(
            names = "--custodian",
            required = true,
            description = "a custodian, by username or name (repeat: one share each)")
    List<String> custodians;

    @Override
    public Integer call() throws Exception {
        if (shares != null && shares != custodians.size()) {
            throw new ClientException(
                    "--shares " + shares + " but " + custodians.size() + " custodians named: one share each");
        }
        String boardId = board.boardId();
        Identity key = KeyFile.read(
                boardKey, Secrets.read(boardKeyPassword, "LSCB_BOARD_KEY_PASSWORD", "Board key file password"));
        List<BoardKeyCustody.Custodian> chosen = BoardKeyCustody.custodians(board.main, boardId, custodians);
        JsonObject custody = BoardKeyCustody.split(board.main, boardId, key, chosen, threshold, null);
        BoardKeyCustody.wipe(boardKey);
        board.main
                .out()
                .println("Split the board key: any " + custody.getInt("threshold") + " of "
                        + custody.getInt("shares") + " custodians ("
                        + String.join(
                                ", ",
                                chosen.stream()
                                        .map(BoardKeyCustody.Custodian::name)
                                        .toList())
                        + ") can rebuild it. " + boardKey + " was overwritten and removed.");
        return 0;
    }
}
