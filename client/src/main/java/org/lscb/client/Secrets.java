package org.lscb.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Passwords never come from process arguments: from a file given by path, an environment variable, or
 * a prompt on the terminal (not echoed).
 */
final class Secrets {

    private Secrets() {}

    static char[] read(Path file, String environment, String prompt) {
        try {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
        } catch (IOException e) {
            throw new ClientException("cannot read the password file " + file);
        }
        String env = System.getenv(environment);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("%s: ", prompt);
            if (typed != null) {
                return typed;
            }
        }
        throw new ClientException(
                "no password: give --password-file, set " + environment + ", or run in a terminal to be asked");
    }
}
