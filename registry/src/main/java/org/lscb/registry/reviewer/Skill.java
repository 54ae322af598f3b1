package org.lscb.registry.reviewer;

/** The skills the guidance asks of a reviewer [16]. */
public enum Skill {
    INVESTIGATION,
    INTERVIEWING_AND_FACILITATION,
    RESEARCH_AND_ANALYSIS,
    REPORT_WRITING
}
