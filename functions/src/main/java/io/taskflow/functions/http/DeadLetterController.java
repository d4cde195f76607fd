package io.taskflow.functions.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.functions.consumer.DeadLetterQueues;
import io.taskflow.functions.security.Roles;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dead letters for operators: how many wait, which, and redrive. Admins only. */
@Controller("/admin/dead-letters")
@SerdeImport(DeadLetterQueues.Depth.class)
@SerdeImport(DeadLetterQueues.Letter.class)
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = DeadLetterQueues.class)
class DeadLetterController {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterController.class);
    static final int MAX_PEEK = 100;

    private final DeadLetterQueues queues;

    DeadLetterController(DeadLetterQueues queues) {
        this.queues = queues;
    }

    @Serdeable
    record Depths(List<DeadLetterQueues.Depth> items) {}

    @Serdeable
    record Letters(String consumer, List<DeadLetterQueues.Letter> items) {}

    @Serdeable
    record Redriven(String consumer, long redriven) {}

    @Get
    Depths depths() {
        return new Depths(queues.depths());
    }

    @Get("/{consumer}")
    Letters peek(String consumer, @QueryValue(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_PEEK) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PEEK);
        }
        return new Letters(consumer, queues.peek(consumer, limit));
    }

    @Post("/{consumer}/redrive")
    Redriven redrive(String consumer) {
        long moved = queues.redrive(consumer, (done, total) -> LOG.info("redrive {}: {}/{}", consumer, done, total));
        return new Redriven(consumer, moved);
    }
}
