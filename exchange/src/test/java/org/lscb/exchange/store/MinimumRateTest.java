package org.lscb.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** B6: a body must keep up a minimum rate in every window; the clock here is the test's. */
class MinimumRateTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aTrickle_isStoppedAtTheEndOfTheFirstWindowItFallsShortIn() {
        // 10 bytes a second against 100 bytes per 5 s
        InputStream in =
                new MinimumRate(new ByteArrayInputStream(new byte[1000]), 100, Duration.ofSeconds(5), clock::get);

        assertThatThrownBy(() -> {
                    byte[] b = new byte[10];
                    while (true) {
                        clock.addAndGet(SECOND);
                        in.read(b);
                    }
                })
                .isInstanceOf(TooSlowException.class)
                .hasMessageContaining("100 bytes every 5 s");
        assertThat(clock.get()).isEqualTo(5 * SECOND);
    }

    @Test
    void aBodyThatKeepsUp_isReadToTheEnd_evenWhenItsLastWindowIsShort() throws IOException {
        InputStream in =
                new MinimumRate(new ByteArrayInputStream(new byte[1050]), 100, Duration.ofSeconds(5), clock::get);
        byte[] b = new byte[50];
        long total = 0;
        int n;
        while (true) {
            clock.addAndGet(2 * SECOND); // 50 bytes every 2 s: 125 per window
            if ((n = in.read(b)) < 0) {
                break;
            }
            total += n;
        }

        assertThat(total).isEqualTo(1050);
    }

    @Test
    void aLongPause_isForgivenOnlyIfTheWindowStillGotEnough() throws IOException {
        InputStream in =
                new MinimumRate(new ByteArrayInputStream(new byte[1000]), 100, Duration.ofSeconds(5), clock::get);
        byte[] b = new byte[200];
        clock.addAndGet(4 * SECOND);
        in.read(b); // 200 bytes in the first window
        clock.addAndGet(20 * SECOND);

        assertThat(in.read(b)).as("the window closed with 400 bytes").isEqualTo(200);
        clock.addAndGet(6 * SECOND);
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(TooSlowException.class);
    }

    @Test
    void zeroBytes_turnsTheCheckOff_andNonsenseIsRefused() throws IOException {
        InputStream off = new MinimumRate(new ByteArrayInputStream(new byte[10]), 0, Duration.ofSeconds(1), clock::get);
        clock.addAndGet(100 * SECOND);

        assertThat(off.read(new byte[10])).isEqualTo(10);
        assertThatThrownBy(() -> new MinimumRate(InputStream.nullInputStream(), -1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MinimumRate(InputStream.nullInputStream(), 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
