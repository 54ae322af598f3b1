package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CipherWarmupTest {

    /** A 1 MiB send or open gains nothing from it, and would lose the second processor to it for the whole command. */
    @Test
    void aSmallDocumentStartsNoWarmup_aLargeOneStartsIt() {
        CipherWarmup.startFor(1 << 20);
        CipherWarmup.startFor(CipherWarmup.WORTHWHILE_BYTES - 1);
        assertThat(CipherWarmup.started()).isFalse();

        CipherWarmup.startFor(CipherWarmup.WORTHWHILE_BYTES);
        assertThat(CipherWarmup.started()).isTrue();
    }
}
