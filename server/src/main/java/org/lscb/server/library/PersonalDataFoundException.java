package org.lscb.server.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lscb.server.error.ConflictException;

/**
 * Publication refused because the report or the response holds personal data [11]: {@code 409 personal_data},
 * with each finding's document, kind, page or paragraph and masked context (at most {@value #SHOWN}; {@code count}
 * says how many in all).
 */
public class PersonalDataFoundException extends ConflictException {

    public static final int SHOWN = 100;

    private final List<PublicationService.Located> findings;

    public PersonalDataFoundException(List<PublicationService.Located> findings) {
        super(
                "personal_data",
                findings.size() + " pieces of personal data were found; nothing was published. Remove them, or the"
                        + " Chair may publish over them with a reason.");
        this.findings = List.copyOf(findings);
    }

    public List<PublicationService.Located> findings() {
        return findings;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("count", findings.size());
        d.put(
                "findings",
                findings.stream()
                        .limit(SHOWN)
                        .map(PublicationService.Located::asMap)
                        .toList());
        return d;
    }
}
