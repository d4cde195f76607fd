package io.taskflow.functions.audit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.audit.AuditVerifier;
import io.taskflow.core.audit.ReadAudit;
import io.taskflow.core.audit.RecordAudit;
import io.taskflow.core.port.AuditLog;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import jakarta.inject.Singleton;

/** Wires the core's audit use cases. */
@Factory
class AuditFactory {

    @Singleton
    RecordAudit recordAudit(Transactions tx, AuditLog log, TimeSource time) {
        return new RecordAudit(tx, log, time);
    }

    @Singleton
    ReadAudit readAudit(AuditLog log) {
        return new ReadAudit(log);
    }

    @Singleton
    AuditVerifier auditVerifier(
            AuditLog log,
            @Value("${taskflow.audit.verify-page-size:" + AuditVerifier.DEFAULT_PAGE_SIZE + "}") int pageSize) {
        return new AuditVerifier(log, pageSize);
    }
}
