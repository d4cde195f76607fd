package io.taskflow.adapters.azure.function;

import com.microsoft.azure.functions.annotation.FunctionName;
import io.taskflow.adapters.azure.eventhubs.AnalyticsFunctions;
import io.taskflow.adapters.azure.eventhubs.AuditFunctions;
import io.taskflow.adapters.azure.eventhubs.NotificationsFunctions;
import io.taskflow.adapters.azure.eventhubs.RecurrenceFunctions;
import io.taskflow.adapters.azure.http.ApiFunction;
import io.taskflow.adapters.azure.schedule.TimerFunctions;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every function of the app, found the way the Azure Functions tooling finds them: the methods annotated with
 * {@link FunctionName} in this module's function classes. The replay looks functions up here, and the tests hold the
 * Terraform to the same list.
 */
public final class FunctionCatalog {
    public static final List<Class<?>> CLASSES = List.of(
            ApiFunction.class,
            NotificationsFunctions.class,
            AuditFunctions.class,
            AnalyticsFunctions.class,
            RecurrenceFunctions.class,
            TimerFunctions.class);

    private FunctionCatalog() {}

    /** Function name to method, sorted by name. */
    public static Map<String, Method> functions() {
        return functions(CLASSES);
    }

    public static Map<String, Method> functions(List<Class<?>> classes) {
        var found = new TreeMap<String, Method>();
        for (Class<?> type : classes) {
            for (Method method : type.getMethods()) {
                FunctionName name = method.getAnnotation(FunctionName.class);
                if (name != null && found.put(name.value(), method) != null) {
                    throw new IllegalStateException("two functions are named " + name.value());
                }
            }
        }
        return found;
    }
}
