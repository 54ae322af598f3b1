package org.lscb.library.search;

import java.util.Set;

/** What the library's index holds of one published report: its id, what is searched and what is counted. */
public record ReportDocument(
        String id, String title, String text, Set<String> themes, String ageBand, int year, String board) {}
