package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lscb.library.ReportFormat;
import org.lscb.library.text.ReportText;

/** Nothing that identifies the child or family may be published with the report [11]. */
class PersonalDataCheckTest {

    @Test
    void eachFindingNamesItsKindAndPageWithTheFindingMaskedInItsContext() {
        ReportText text = new ReportText(
                ReportFormat.PDF,
                List.of("Nothing here.", "The family, the Smiths, lived at NE1 4ST and called 0191 123 4567."));
        List<Finding> findings = new PersonalDataCheck(List.of("Smiths")).check(text);

        assertThat(findings)
                .extracting(Finding::kind)
                .containsExactly(FindingKind.NAME, FindingKind.POSTCODE, FindingKind.PHONE_NUMBER);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.page()).isEqualTo(2);
            assertThat(f.context()).doesNotContain("NE1 4ST", "Smiths", "0191");
        });
        assertThat(findings.get(1).context()).contains("[postcode]");
    }

    @Test
    void aFindingCutByTheContextsEdgeIsMaskedWhole() {
        String part = "x".repeat(40) + " jane@example.org " + "y".repeat(20) + " NE1 4ST";
        List<Finding> findings =
                new PersonalDataCheck(List.of()).check(new ReportText(ReportFormat.DOCX, List.of(part)));
        assertThat(findings).hasSize(2);
        assertThat(findings).allSatisfy(f -> assertThat(f.context()).doesNotContain("@", "4ST", "example"));
    }

    @Test
    void aCleanReportHasNoFindings() {
        ReportText text = new ReportText(
                ReportFormat.PDF, List.of("Child A, aged 4, was known to children's social care from 2012."));
        assertThat(new PersonalDataCheck(List.of("Smith")).check(text)).isEmpty();
    }
}
