package io.taskflow.functions.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskflow.core.user.Credentials;
import io.taskflow.core.user.LoginUser;
import io.taskflow.core.user.RegisterUser;
import io.taskflow.core.user.Registration;
import java.util.UUID;

@Controller("/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
final class AuthController {
    private final RegisterUser registerUser;
    private final LoginUser loginUser;

    AuthController(RegisterUser registerUser, LoginUser loginUser) {
        this.registerUser = registerUser;
        this.loginUser = loginUser;
    }

    @Serdeable
    record RegisterRequest(
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName) {
        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    @Serdeable
    record UserResponse(UUID id, String email, String displayName) {}

    @Serdeable
    record LoginRequest(@Nullable String email, @Nullable String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    @Serdeable
    record LoginResponse(String accessToken, String tokenType, long expiresIn) {}

    @Post("/register")
    @Operation(summary = "Register a user; publishes user.registered.")
    HttpResponse<UserResponse> register(@Body RegisterRequest body) {
        var user = registerUser.register(new Registration(body.email(), body.password(), body.displayName()));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new UserResponse(user.id(), user.email(), user.displayName()));
    }

    @Post("/login")
    @Operation(summary = "Log in; returns a bearer token; publishes user.authenticated. 429 after repeated failures.")
    LoginResponse login(@Body LoginRequest body) {
        var token = loginUser.login(new Credentials(body.email(), body.password()));
        return new LoginResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    }
}
