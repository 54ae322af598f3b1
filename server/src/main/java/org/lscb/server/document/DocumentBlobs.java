package org.lscb.server.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.lscb.exchange.store.BlobStore;
import org.lscb.server.config.ServerConfig;

/** The deployment's one blob store of ciphertext, under {@code DATA_DIR/blobs}, opened on first use. */
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
                        store = new BlobStore(config.dataDir().resolve("blobs"), config.documentStaging());
                        store.keepFree(config.documentMinFreeBytes());
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
