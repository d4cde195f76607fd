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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskflow.core.user.Credentials;
import io.taskflow.core.user.LoginUser;
import io.taskflow.core.user.RegisterUser;
import io.taskflow.core.user.Registration;
import io.taskflow.functions.ratelimit.RateLimitNames;
import io.taskflow.functions.ratelimit.RateLimits;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.UUID;

@Controller("/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
final class AuthController {
    private final RegisterUser registerUser;
    private final LoginUser loginUser;
    private final RateLimits loginsByEmail;

    AuthController(
            RegisterUser registerUser,
            LoginUser loginUser,
            @Named(RateLimitNames.LOGIN_BY_EMAIL) RateLimits loginsByEmail) {
        this.registerUser = registerUser;
        this.loginUser = loginUser;
        this.loginsByEmail = loginsByEmail;
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
    @ApiResponse(
            responseCode = "201",
            description = "registered",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "invalid e-mail, password or display name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "409",
            description = "the e-mail is registered already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<UserResponse> register(@Body RegisterRequest body) {
        var user = registerUser.register(new Registration(body.email(), body.password(), body.displayName()));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new UserResponse(user.id(), user.email(), user.displayName()));
    }

    @Post("/login")
    @Operation(summary = "Log in; returns a bearer token; publishes user.authenticated. 429 after repeated failures.")
    @ApiResponse(
            responseCode = "200",
            description = "a bearer token",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @ApiResponse(
            responseCode = "401",
            description = "unknown e-mail or wrong password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "429",
            description = "locked after repeated failures, or too many logins for this e-mail or address; see"
                    + " Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    LoginResponse login(@Body LoginRequest body) {
        // Counted per e-mail as well as per address (RateLimitFilter): spreading guesses over addresses does not help.
        if (body.email() != null) {
            loginsByEmail.check(body.email().strip().toLowerCase(Locale.ROOT));
        }
        var token = loginUser.login(new Credentials(body.email(), body.password()));
        return new LoginResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    }
}
