package org.lscb.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.lscb.server.web.component.Tag;

/**
 * The words the pages use for the API's codes and dates, following GOV.UK's style: dates as
 * "Tuesday 6 January 2026", statuses in sentence case, clock states as coloured tags.
 */
public final class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final Map<String, String> CLOCKS = Map.of(
            "SCR_DECISION", "Decide whether to hold an SCR",
            "DECISION_REPORTED", "Tell Ofsted and the DfE of the decision",
            "SCR_COMPLETION", "Complete the SCR",
            "REGISTRAR_INFORMATION", "Registrar's information reaches the board",
            "CORONER_JOINT_REPORT", "Joint report to the coroner",
            "HOME_VISIT", "Visit where the child died",
            "NATIONAL_PANEL_NOTIFICATION", "Notify the national panel",
            "RAPID_REVIEW", "Rapid review");

    private static final Map<String, String> TYPES = Map.of(
            "SERIOUS_CASE_REVIEW", "Serious case review",
            "CHILD_DEATH_REVIEW", "Child death review",
            "MANAGEMENT_REVIEW", "Management review");

    private static final Map<String, String> STATUSES = Map.of(
            "AWAITING_DECISION", "Awaiting decision",
            "IN_PROGRESS", "In progress",
            "COMPLETED", "Completed",
            "CLOSED_NO_REVIEW", "Closed, no review");

    private static final Map<String, String> ORGANISATION_KINDS = Map.of(
            "LSCB", "Local Safeguarding Children Board",
            "CHILDRENS_SOCIAL_CARE", "Children's social care",
            "YOUTH_OFFENDING", "Youth offending service",
            "CAFCASS", "Cafcass");

    private static final Map<String, String> ROLES = Map.of(
            "ADMIN", "Administrator",
            "LSCB_OFFICER", "Board officer",
            "LSCB_CHAIR", "Board Chair",
            "AGENCY_USER", "Agency staff",
            "CDOP_MEMBER", "CDOP member");

    private Words() {}

    /** An organisation's kind in words: "Local Safeguarding Children Board", "Police". */
    public static String organisationKind(String code) {
        return ORGANISATION_KINDS.getOrDefault(code, sentence(code));
    }

    /** A role in words: "Board officer", "Reviewer". */
    public static String role(String code) {
        return ROLES.getOrDefault(code, sentence(code));
    }

    private static final Map<String, String> APPOINTMENT_ROLES = Map.of(
            "LEAD_REVIEWER", "Lead reviewer",
            "PANEL_MEMBER", "Panel member",
            "PAEDIATRICIAN", "Designated paediatrician",
            "CORONER", "Coroner");

    /** A role someone is appointed to on a review: "Lead reviewer", "Designated paediatrician". */
    public static String appointmentRole(String code) {
        return APPOINTMENT_ROLES.getOrDefault(code, sentence(code));
    }

    /** "Tuesday 6 January 2026" from an ISO date; empty for none. */
    public static String day(String isoDate) {
        return isoDate == null || isoDate.isEmpty()
                ? ""
                : LocalDate.parse(isoDate).format(DAY);
    }

    /** "6 January 2026" from an ISO date; empty for none. */
    public static String date(String isoDate) {
        return isoDate == null || isoDate.isEmpty()
                ? ""
                : LocalDate.parse(isoDate).format(DATE);
    }

    public static String clock(String code) {
        return CLOCKS.getOrDefault(code, sentence(code));
    }

    public static String reviewType(String code) {
        return TYPES.getOrDefault(code, sentence(code));
    }

    public static String reviewStatus(String code) {
        return STATUSES.getOrDefault(code, sentence(code));
    }

    /** A clock's state as a tag: red when overdue, yellow when due soon, green when met, grey when paused. */
    public static Tag clockTag(String status) {
        return switch (status) {
            case "OVERDUE" -> Tag.of("Overdue", "red");
            case "DUE_SOON" -> Tag.of("Due soon", "yellow");
            case "MET" -> Tag.of("Met", "green");
            case "PAUSED" -> Tag.of("Paused", "grey");
            case "STOPPED" -> Tag.of("Stopped", "grey");
            default -> Tag.of("On track", "blue");
        };
    }

    private static final Map<String, String> DOCUMENT_TYPES = Map.ofEntries(
            Map.entry("IMR", "Individual management review (IMR)"),
            Map.entry("CDR_NOTIFICATION", "Child death notification form"),
            Map.entry("CDR_REPORTING", "Child death reporting form"),
            Map.entry("CDR_ANALYSIS", "Child death analysis form"),
            Map.entry("CORONER_JOINT_REPORT", "Joint report to the coroner"),
            Map.entry("CASE_DISCUSSION_RECORD", "Record of the case discussion"),
            Map.entry("CHRONOLOGY", "Chronology"),
            Map.entry("DRAFT_REPORT", "Draft report"),
            Map.entry("FINAL_REPORT", "Final report"),
            Map.entry("QUALIFICATION_EVIDENCE", "Evidence of qualification"),
            Map.entry("OTHER", "Other document"));

    private static final java.time.ZoneId ENGLAND = java.time.ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** A document type's code in words: "Individual management review (IMR)". */
    /** A size as people say it: "512 bytes", "20 KB", "256 MB", "1.5 GB" (binary multiples, as the browser's file picker counts). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + (n == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String number = v >= 10 || v == Math.floor(v)
                ? String.valueOf(Math.round(v))
                : String.format(java.util.Locale.UK, "%.1f", v);
        return number + " " + units[u];
    }

    public static String documentType(String code) {
        return DOCUMENT_TYPES.getOrDefault(code, sentence(code));
    }

    /** An instant as England reads it, GOV.UK style: "6 January 2026 at 9:30am"; empty for none. */
    public static String at(java.time.Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(ENGLAND);
        return local.format(DATE) + " at " + local.format(TIME).toLowerCase(Locale.UK);
    }

    /** A document request's state as a tag: red when overdue, yellow when due soon, green when answered. */
    public static Tag requestTag(String state) {
        return switch (state) {
            case "OVERDUE" -> Tag.of("Overdue", "red");
            case "DUE_SOON" -> Tag.of("Due soon", "yellow");
            case "ANSWERED" -> Tag.of("Sent", "green");
            default -> Tag.of("Open", "blue");
        };
    }

    /** "ON_TRACK" as "On track". */
    public static String sentence(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String s = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
