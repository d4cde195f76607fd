package io.taskflow.core.audit;

import java.util.List;

/** @param next the cursor of the following page; null on the last page */
public record AuditPage(List<AuditEntry> entries, AuditCursor next) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
