package org.lscb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openssl} command for the server's interoperability tests: run with a time limit, and a test that
 * needs it to succeed fails with the command and everything openssl wrote.
 */
public final class Openssl {

    private static final long MINUTES = 2;

    private Openssl() {}

    /** How a run ended, and what openssl wrote: its standard output, then its standard error. */
    public record Run(int status, String output) {}

    /**
     * Runs {@code openssl} with the arguments. Standard output and standard error are kept apart, so PEM that
     * openssl writes to standard output stays whole at the start of {@link Run#output()}.
     */
    public static Run run(String... arguments) {
        List<String> command = command(arguments);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("openssl-", ".out");
            err = Files.createTempFile("openssl-", ".err");
            Process p = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + MINUTES + " minutes");
            }
            return new Run(p.exitValue(), text(out) + "\n" + text(err));
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(String.join(" ", command) + " was interrupted", e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** Runs {@code openssl} with the arguments, failing the test unless it exits 0; what it wrote. */
    public static String ok(String... arguments) {
        Run r = run(arguments);
        assertThat(r.status())
                .as(String.join(" ", command(arguments)) + "\n" + r.output())
                .isZero();
        return r.output();
    }

    /** Whether an {@code openssl} command can be run here. */
    public static boolean isInstalled() {
        try {
            return run("version").status() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** {@code openssl cms -sign} of {@code in} as DER SignedData with the content attached, SHA-256, into {@code out}. */
    public static void cmsSign(Path in, Path certificate, Path key, Path out, String... more) {
        ok(with(
                more,
                "cms",
                "-sign",
                "-binary",
                "-nodetach",
                "-md",
                "sha256",
                "-in",
                in.toString(),
                "-signer",
                certificate.toString(),
                "-inkey",
                key.toString(),
                "-outform",
                "DER",
                "-out",
                out.toString()));
    }

    /** {@code openssl cms -decrypt} of a DER envelope with the recipient's certificate and key (PEM) into {@code out}. */
    public static void cmsDecrypt(Path envelope, Path certificate, Path key, Path out) {
        ok(
                "cms",
                "-decrypt",
                "-binary",
                "-inform",
                "DER",
                "-in",
                envelope.toString(),
                "-recip",
                certificate.toString(),
                "-inkey",
                key.toString(),
                "-out",
                out.toString());
    }

    /** {@code openssl cms -verify} of DER SignedData against the CA in {@code caFile}, the content into {@code out}. */
    public static void cmsVerify(Path signed, Path caFile, Path out, String... more) {
        ok(with(
                more,
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                signed.toString(),
                "-CAfile",
                caFile.toString(),
                "-out",
                out.toString()));
    }

    private static String[] with(String[] more, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
