package org.lscb.server.report;

/**
 * One section of an annual report: given what the report is about (the board, the year, the day it is read on,
 * the board's reviews, and the database for anything else), the section's counts and how to chart them.
 * Adding a section is one class implementing this and one line in its report's list ({@link ReportKind});
 * the JSON, the page and the PDF render every section the same way, with no change.
 */
@FunctionalInterface
public interface ReportSection {

    Section build(ReportContext context);
}
