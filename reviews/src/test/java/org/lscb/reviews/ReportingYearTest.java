package org.lscb.reviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The year to 31 March of returns and annual reports [20, 28]. */
class ReportingYearTest {

    @Test
    void yearEndingIn2026RunsFromFirstApril2025ToThirtyFirstMarch2026() {
        ReportingYear y = new ReportingYear(2026);
        assertEquals(LocalDate.of(2025, 4, 1), y.firstDay());
        assertEquals(LocalDate.of(2026, 3, 31), y.lastDay());
        assertTrue(y.contains(LocalDate.of(2025, 4, 1)));
        assertTrue(y.contains(LocalDate.of(2026, 3, 31)));
        assertFalse(y.contains(LocalDate.of(2025, 3, 31)));
        assertFalse(y.contains(LocalDate.of(2026, 4, 1)));
        assertEquals("2025 to 2026", y.label());
    }

    @Test
    void dayBelongsToTheYearEndingTheNextThirtyFirstMarch() {
        assertEquals(new ReportingYear(2026), ReportingYear.containing(LocalDate.of(2026, 3, 31)));
        assertEquals(new ReportingYear(2027), ReportingYear.containing(LocalDate.of(2026, 4, 1)));
        assertEquals(new ReportingYear(2027), ReportingYear.containing(LocalDate.of(2026, 12, 3)));
    }

    @Test
    void onlyFourDigitYearsInRangeParse() {
        assertEquals(Optional.of(new ReportingYear(2026)), ReportingYear.parse("2026"));
        for (String bad : new String[] {null, "", "26", "２０２６", "2026 ", "+2026", "1999", "2101", "20260"}) {
            assertEquals(Optional.empty(), ReportingYear.parse(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new ReportingYear(1999));
    }
}
