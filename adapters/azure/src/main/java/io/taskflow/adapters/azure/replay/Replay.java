package io.taskflow.adapters.azure.replay;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.micronaut.azure.function.AzureFunction;
import io.micronaut.azure.function.http.HttpRequestMessageBuilder;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.adapters.azure.function.FunctionApplication;
import io.taskflow.adapters.azure.function.FunctionCatalog;
import io.taskflow.adapters.azure.http.ApiFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a captured invocation through its function on this machine, the way the Java worker would: the function class
 * is made (its application context started from the environment: TASKFLOW_DB_URL, …), and the method the payload
 * names is called with the binding data the payload holds. A payload is JSON:
 *
 * <ul>
 *   <li>Event Hubs: {@code {"function": "audit-task-created", "events": [...], "metadata": {"PropertiesArray": [...],
 *       "SystemPropertiesArray": [...], "PartitionContext": {...}}}}
 *   <li>timer: {@code {"function": "reminders", "timer": "{\"IsPastDue\":false}"}}
 *   <li>HTTP: {@code {"function": "api", "method": "GET", "path": "/tasks", "headers": {...}, "body": "..."}}
 * </ul>
 *
 * <pre>java -cp taskflow-azure.jar:azure-functions-java-library.jar io.taskflow.adapters.azure.replay.Replay payload.json</pre>
 *
 * Prints what the function returned (an HTTP response's status and body) and how long it took.
 */
public final class Replay {
    private Replay() {}

    /** What the invocation answered ({@code ok} for a function that returns nothing) and its timings. */
    public record Result(String function, String answer, long initMillis, long invocationMillis) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Replay <payload.json>");
            System.exit(2);
        }
        Result result = run(Files.readString(Path.of(args[0])), FunctionApplication.builder(Map.of()));
        System.out.println(result.answer());
        System.out.println("replay function=" + result.function() + " init_ms=" + result.initMillis()
                + " invocation_ms=" + result.invocationMillis());
        // The context's non-daemon threads (the pool's housekeeping) would keep a one-shot replay alive.
        System.exit(0);
    }

    /**
     * @param builder the context's builder; used only when this JVM has no function context yet
     * @throws IllegalArgumentException when the payload names no function of the app, or lacks what it needs
     */
    @SuppressWarnings("unchecked")
    public static Result run(String payloadJson, ApplicationContextBuilder builder) throws Exception {
        Map<String, Object> payload =
                new com.fasterxml.jackson.databind.ObjectMapper().readValue(payloadJson, Map.class);
        String name = (String) payload.get("function");
        Method method = FunctionCatalog.functions().get(name);
        if (method == null) {
            throw new IllegalArgumentException("no function named " + name + "; the app has "
                    + FunctionCatalog.functions().keySet());
        }
        long t0 = System.nanoTime();
        AzureFunction function = (AzureFunction) method.getDeclaringClass()
                .getConstructor(ApplicationContextBuilder.class)
                .newInstance(builder);
        long t1 = System.nanoTime();
        String answer = invoke(function, payloadJson);
        long t2 = System.nanoTime();
        return new Result(name, answer, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /**
     * Calls the function method of {@code function} that the payload names with the payload's binding data, as the
     * worker does; what it returned as text ({@code ok} when nothing).
     */
    @SuppressWarnings("unchecked")
    public static String invoke(AzureFunction function, String payloadJson) throws Exception {
        Map<String, Object> payload =
                new com.fasterxml.jackson.databind.ObjectMapper().readValue(payloadJson, Map.class);
        String name = (String) payload.get("function");
        if (function instanceof ApiFunction api) {
            return http(api, payload);
        }
        Method method = FunctionCatalog.functions(List.of(function.getClass())).get(name);
        if (method == null) {
            throw new IllegalArgumentException(function.getClass().getSimpleName() + " has no function named " + name);
        }
        try {
            Object returned = method.invoke(function, arguments(method, payload, new ReplayContext(name)));
            return returned == null ? "ok" : returned.toString();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @SuppressWarnings("unchecked")
    private static String http(ApiFunction api, Map<String, Object> payload) throws Exception {
        HttpRequestMessageBuilder<?> request = api.request(
                com.microsoft.azure.functions.HttpMethod.value((String) payload.getOrDefault("method", "GET")),
                (String) required(payload, "path"));
        ((Map<String, Object>) payload.getOrDefault("headers", Map.of()))
                .forEach((header, value) -> request.header(header, String.valueOf(value)));
        if (payload.get("body") != null) {
            request.body(payload.get("body").toString());
        }
        HttpResponseMessage response = request.invoke();
        Object body = response.getBody();
        String text = body instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(body);
        return response.getStatusCode() + " " + text;
    }

    /** The worker's argument for each parameter: the trigger's value, a binding datum by name, or the context. */
    @SuppressWarnings("unchecked")
    static Object[] arguments(Method method, Map<String, Object> payload, ExecutionContext context) {
        Map<String, Object> metadata = (Map<String, Object>) payload.getOrDefault("metadata", Map.of());
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (parameter.isAnnotationPresent(EventHubTrigger.class)) {
                arguments[i] = List.copyOf((List<String>) required(payload, "events"));
            } else if (parameter.isAnnotationPresent(TimerTrigger.class)) {
                arguments[i] = (String) payload.getOrDefault("timer", "{\"IsPastDue\":false}");
            } else if (parameter.isAnnotationPresent(BindingName.class)) {
                Object value =
                        metadata.get(parameter.getAnnotation(BindingName.class).value());
                arguments[i] = parameter.getType().isArray() && value instanceof List<?> list
                        ? list.toArray(new Map[0])
                        : value;
            } else if (parameter.getType() == ExecutionContext.class) {
                arguments[i] = context;
            }
        }
        return arguments;
    }

    private static Object required(Map<String, Object> payload, String key) {
        Object value = payload.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the payload has no " + key);
        }
        return value;
    }
}
