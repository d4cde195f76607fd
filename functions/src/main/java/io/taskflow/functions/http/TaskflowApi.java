package io.taskflow.functions.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; the build generates the paths from the controllers and serves it at /openapi. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Taskflow",
                        version = "1",
                        description = "Event-driven task API. Errors are application/problem+json (RFC 9457)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class TaskflowApi {
    private TaskflowApi() {}
}
