package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** E-mail addresses must not be published in a review's report [11]. */
class EmailDetectorTest {

    private final EmailDetector detector = new EmailDetector();

    @Test
    void findsAnAddress() {
        assertThat(detector.find("write to jane.doe+scr@northmere.gov.uk today"))
                .hasSize(1);
    }

    @Test
    void aHandleOrAnAddressWithoutADomainIsNotFound() {
        assertThat(detector.find("follow @lscb or user@localhost")).isEmpty();
        assertThat(detector.find("ratio 3@4 and 10 @ 5.5")).isEmpty();
    }
}
