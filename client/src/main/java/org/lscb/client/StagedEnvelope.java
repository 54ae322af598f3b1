package org.lscb.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * An envelope sealed into a temporary file and hashed as it is written, so that it can be uploaded with its
 * {@code Content-Digest} (RFC 9530), which must go before the body. Only ciphertext is written here, never
 * the plaintext. The file is readable by its owner only and, where the system allows (POSIX), unlinked as soon
 * as it is open, so that it lives only as long as this object's open handle: nothing is left behind however the
 * command ends, even killed. Elsewhere it is deleted on {@link #close()}.
 */
final class StagedEnvelope implements AutoCloseable {

    /** What writes the envelope, such as a sealer. */
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final FileChannel channel;
    private Path path; // null once unlinked
    private byte[] sha256;
    private long size;

    private StagedEnvelope(FileChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    /** An empty staging file in {@code folder}. */
    static StagedEnvelope in(Path folder) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        Path file = Files.createTempFile(folder, ".lscb-send-", ".p7m", ownerOnly);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        StagedEnvelope staged = new StagedEnvelope(channel, file);
        try {
            Files.delete(file); // the open handle keeps the bytes; no name remains to leave behind
            staged.path = null;
        } catch (IOException notWhileOpen) {
            file.toFile().deleteOnExit(); // Windows: deleted on close, or when the JVM ends
        }
        return staged;
    }

    /** Lets {@code writer} write the envelope, hashing it as it goes. */
    void write(Writer writer) throws IOException {
        MessageDigest digest = sha256();
        // written in 64 KiB pieces: on the build VM, filling the page cache in larger writes cost several times the
        // CPU (docs/benchmarks.md, issue 5), and the digest is as fast either way
        OutputStream out =
                new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(channel), digest), 64 << 10);
        writer.writeTo(out);
        out.flush();
        sha256 = digest.digest();
        size = channel.position();
    }

    long size() {
        return size;
    }

    /** The field {@code Content-Digest: sha-256=:<base64>:} of what was written. */
    String contentDigest() {
        if (sha256 == null) {
            throw new IllegalStateException("nothing was written yet");
        }
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
    }

    /** The envelope from its first byte; the stream reads through this object's handle and closing it ends the staging. */
    InputStream content() throws IOException {
        channel.position(0);
        return Channels.newInputStream(channel);
    }

    /** Closes the handle (on POSIX that frees the bytes) and deletes the file where it still has a name. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
