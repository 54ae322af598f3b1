package org.lscb.server.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file upload's CSRF token is its first field, read from the head of the body only (docs/security.md W4). */
class CsrfFilterMultipartTest {

    private static final String B = "----b0undary";

    @Test
    void theTokenIsTheFirstPartNamedCsrf() {
        String head = "--" + B + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok3n\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--" + B + "--\r\n";
        assertThat(CsrfFilter.multipartField(head, B, "csrf")).hasValue("tok3n");
    }

    @Test
    void aTokenThatIsNotTheFirstPartOrIsAFileIsNotTaken() {
        String later = "--" + B + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok3n\r\n--" + B + "--\r\n";
        String file = "--" + B + "\r\nContent-Disposition: form-data; name=\"csrf\"; filename=\"x\"\r\n\r\ntok3n\r\n--"
                + B + "--\r\n";
        assertThat(CsrfFilter.multipartField(later, B, "csrf")).isEmpty();
        assertThat(CsrfFilter.multipartField(file, B, "csrf")).isEmpty();
    }

    @Test
    void aBodyWithAnotherBoundaryOrCutBeforeTheValueEndsHasNoToken() {
        String head = "--" + B + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok3n";
        assertThat(CsrfFilter.multipartField(head, B, "csrf")).isEmpty();
        assertThat(CsrfFilter.multipartField("--other\r\n", B, "csrf")).isEmpty();
        assertThat(CsrfFilter.multipartField("", B, "csrf")).isEmpty();
    }
}
