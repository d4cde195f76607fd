package io.taskflow.core.audit;

import io.taskflow.core.port.AuditLog;
import java.util.List;

/** A user's view of the audit trail: their own entries about one subject, page by page. */
public final class ReadAudit {
    private final AuditLog log;

    public ReadAudit(AuditLog log) {
        this.log = log;
    }

    public AuditPage page(AuditQuery query) {
        List<AuditEntry> found = log.find(query);
        if (found.size() <= query.limit()) {
            return new AuditPage(found, null);
        }
        List<AuditEntry> page = found.subList(0, query.limit());
        return new AuditPage(page, new AuditCursor(page.get(page.size() - 1).seq()));
    }
}
