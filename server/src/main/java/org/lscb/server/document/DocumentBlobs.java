package org.lscb.server.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.lscb.exchange.store.BlobStore;
import org.lscb.exchange.store.DirectoryBlobStore;
import org.lscb.exchange.store.S3BlobStore;
import org.lscb.server.config.ServerConfig;

/**
 * The deployment's one blob store of ciphertext, opened on first use: a folder ({@code DATA_DIR/blobs} or
 * {@code BLOB_STORE}'s path) or an S3-compatible bucket ({@code BLOB_STORE=s3://bucket/prefix}), whose uploads are
 * staged in the folder's {@code .incoming} (docs/operations.md "Several servers").
 */
@ApplicationScoped
public class DocumentBlobs {

    private ServerConfig config;
    private volatile BlobStore store;

    protected DocumentBlobs() {}

    @Inject
    public DocumentBlobs(ServerConfig config) {
        this.config = config;
    }

    public BlobStore store() {
        BlobStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    try {
                        BlobStore opened = config.blobS3().isPresent()
                                ? new S3BlobStore(
                                        config.blobDirectory().resolve(".incoming"),
                                        config.documentStaging(),
                                        config.blobS3().get())
                                : new DirectoryBlobStore(config.blobDirectory(), config.documentStaging());
                        opened.keepFree(config.documentMinFreeBytes());
                        store = opened;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                s = store;
            }
        }
        return s;
    }
}
