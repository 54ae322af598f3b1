package org.lscb.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ClientGoneLogTest {

    @Test
    void aResponseTheClientDidNotWaitFor_isNotKept() {
        assertThat(ClientGoneLog.keep(record(new UncheckedIOException(new IOException("Connection is closed")))))
                .isFalse();
        assertThat(ClientGoneLog.keep(record(new IOException("Broken pipe")))).isFalse();
    }

    @Test
    void anyOtherFailureToWriteAResponse_staysInTheLog() {
        assertThat(ClientGoneLog.keep(record(new IOException("No space left on device"))))
                .isTrue();
        assertThat(ClientGoneLog.keep(record(new IllegalStateException("Connection is closed"))))
                .isTrue();
        assertThat(ClientGoneLog.keep(record(null))).isTrue();
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord r = new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit response.");
        r.setThrown(thrown);
        return r;
    }
}
