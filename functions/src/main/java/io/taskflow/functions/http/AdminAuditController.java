package io.taskflow.functions.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskflow.core.audit.AuditVerifier;
import io.taskflow.core.audit.ChainVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the whole audit chain. For administrators: the answer is about everyone's entries. */
@Controller("/admin/audit")
@Secured(AdminAuditController.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
final class AdminAuditController {
    static final String ADMIN = "ADMIN";
    private static final Logger LOG = LoggerFactory.getLogger(AdminAuditController.class);

    private final AuditVerifier verifier;

    AdminAuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Get("/verify")
    @Operation(
            summary = "Walk the audit chain: ok, or the first entry whose link does not hold (200 either way; role"
                    + " ADMIN).")
    AuditResponse.Verification verify() {
        ChainVerification result = verifier.verify();
        if (result instanceof ChainVerification.Broken broken) {
            LOG.error("the audit chain is broken at entry {}: {}", broken.seq(), broken.reason());
            return new AuditResponse.Verification(false, null, null, broken.seq(), broken.reason());
        }
        var intact = (ChainVerification.Intact) result;
        return new AuditResponse.Verification(
                true, intact.entries(), intact.head().hash(), null, null);
    }
}
