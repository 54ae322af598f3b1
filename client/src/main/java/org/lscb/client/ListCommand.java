package org.lscb.client;

import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the documents of a review that you may see.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the review id")
    String review;

    @Override
    public Integer call() {
        for (JsonObject d : main.api()
                .get("/api/v1/reviews/" + review + "/documents")
                .asJsonArray()
                .getValuesAs(JsonObject.class)) {
            main.out()
                    .printf(
                            "%s  %-22s v%-3d %12d bytes  %s%n",
                            d.getString("id"),
                            d.getString("type"),
                            d.getInt("version"),
                            d.getJsonNumber("size").longValue(),
                            d.getString("title").replaceAll("\\p{Cntrl}", " "));
        }
        return 0;
    }
}
