package io.taskflow.adapters.gcp.schedule;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.outbox.InvocationFlush;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled function: a Cloud Scheduler job calls it over HTTP (with an OIDC token of the scheduler's service
 * account, checked by Cloud Run before the call arrives) and it runs one shared scheduled job of {@code functions}.
 * The time the run was scheduled for comes from the {@code X-CloudScheduler-ScheduleTime} header, so a retried or late
 * run still does that run's work. A job that throws answers 500 and the scheduler's retry policy takes over; the jobs
 * are safe to run twice. A plain Functions Framework function, not a second Micronaut HTTP runtime.
 */
public abstract class ScheduledJobFunction implements HttpFunction {
    public static final String SCHEDULE_TIME = "X-CloudScheduler-ScheduleTime";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobFunction.class);

    private final String job;
    private final TimeSource time;
    private final JsonMapper json;
    private final InvocationFlush flush;

    protected ScheduledJobFunction(ApplicationContext context, String job) {
        this.job = job;
        this.time = context.getBean(TimeSource.class);
        this.json = context.getBean(JsonMapper.class);
        this.flush = context.getBean(InvocationFlush.class);
    }

    /** The name the scheduler job passes as {@code job} in its body; one function per job. */
    public String job() {
        return job;
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        String asked = askedJob(request);
        if (asked != null && !job.equals(asked)) {
            answer(response, 400, Map.of("error", "this function runs the job " + job + ", not " + asked));
            return;
        }
        Instant scheduledAt;
        try {
            scheduledAt =
                    request.getFirstHeader(SCHEDULE_TIME).map(Instant::parse).orElse(time.now());
        } catch (DateTimeParseException e) {
            answer(response, 400, Map.of("error", SCHEDULE_TIME + " is not an RFC 3339 time"));
            return;
        }
        long done;
        try {
            done = run(scheduledAt);
        } finally {
            flush.flush();
        }
        LOG.info("{} done: {}", job, done);
        var result = new LinkedHashMap<String, Object>();
        result.put("job", job);
        result.put("done", done);
        answer(response, 200, result);
    }

    protected abstract long run(Instant scheduledAt);

    private String askedJob(HttpRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length == 0) {
            return null;
        }
        try {
            Object asked = json.readValue(body, Map.class).get("job");
            return asked == null ? null : asked.toString();
        } catch (IOException notJson) {
            return null;
        }
    }

    private void answer(HttpResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatusCode(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.writeValueAsBytes(body));
        if (status >= 400) {
            LOG.warn("{} refused: {}", job, new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8));
        }
    }
}
