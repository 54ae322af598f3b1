package org.lscb.library.text;

import org.lscb.foundation.value.DomainException;

/**
 * A file the library cannot read safely: not a PDF or Word document, empty, damaged, locked with a password, too
 * large, too long, or taking longer to read than allowed. The only failure text extraction answers with, so that
 * a broken or hostile file is the caller's error (4xx), never the server's.
 */
public class UnreadableReportException extends DomainException {

    public UnreadableReportException(String code, String message) {
        super(Kind.INVALID, code, message);
    }

    public UnreadableReportException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static UnreadableReportException damaged(String what) {
        return new UnreadableReportException(
                "unreadable_file", what + " cannot be read: it is damaged or not what it claims to be");
    }
}
