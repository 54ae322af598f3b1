package org.lscb.library.text;

import java.util.List;
import org.lscb.library.ReportFormat;

/**
 * The text of a report in its parts: a PDF's pages, or a Word document's paragraphs (headers, body with its tables'
 * cells, footers, in that order), numbered from 1 as {@link #parts()}' index plus one.
 */
public record ReportText(ReportFormat format, List<String> parts) {

    public ReportText {
        parts = List.copyOf(parts);
    }

    /** What a part is called when a finding names where it is. */
    public String unit() {
        return format == ReportFormat.PDF ? "page" : "paragraph";
    }

    public String joined() {
        return String.join("\n", parts);
    }
}
