package org.lscb.server.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lscb.envelope.Sealer;

/** A plain upload is sealed with AES-256-GCM here, so its cap never passes what the JDK's AES-GCM can seal. */
class PlainUploadLimitTest {

    @Test
    void aConfiguredCapAboveWhatAesGcmSeals_isLoweredToIt() {
        assertThat(DocumentUploads.plainUploadLimit(4L << 30)).isEqualTo(Sealer.MAX_GCM_DOCUMENT_BYTES);
        assertThat(DocumentUploads.plainUploadLimit(2L << 30)).isEqualTo(Sealer.MAX_GCM_DOCUMENT_BYTES);
    }

    @Test
    void aSmallerConfiguredCap_isKept() {
        assertThat(DocumentUploads.plainUploadLimit(1L << 20)).isEqualTo(1L << 20);
    }
}
