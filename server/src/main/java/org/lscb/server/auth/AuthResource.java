package org.lscb.server.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.error.ErrorResponses;

/** Sign-in for local accounts and the public keys that verify the tokens. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private SignInService signIn;
    private TokenIssuer issuer;
    private SignInDelays delays;
    private SignInWorkers workers;
    private ServerConfig config;

    protected AuthResource() {}

    @Inject
    public AuthResource(
            SignInService signIn, TokenIssuer issuer, SignInDelays delays, SignInWorkers workers, ServerConfig config) {
        this.signIn = signIn;
        this.issuer = issuer;
        this.delays = delays;
        this.workers = workers;
        this.config = config;
    }

    public record TokenRequest(String username, String password, String otp) {}

    /**
     * A token; {@code next} is {@code "enrol_totp"} when the token can only set up two-factor sign-in
     * (an administrator or officer who has not yet), and absent otherwise.
     */
    public record TokenResponse(String access_token, String token_type, long expires_in, String next) {}

    @POST
    @Path("token")
    @PermitAll
    public void token(TokenRequest request, @Context HttpServletRequest http, @Suspended AsyncResponse answer) {
        try {
            validate(request);
            String client = ClientAddress.of(http, config.trustedProxies());
            char[] password = request.password().toCharArray();
            boolean queued = workers.submit(() -> {
                try {
                    SignInService.Outcome o = signIn.signIn(request.username(), password, request.otp(), client);
                    if (o.refusal() != null) {
                        delays.after(o.delay(), () -> answer.resume(ErrorResponses.toResponse(o.refusal())));
                        return;
                    }
                    answer.resume(new TokenResponse(
                            o.token().value(),
                            "Bearer",
                            o.token().expiresInSeconds(),
                            o.enrolmentOnly() ? "enrol_totp" : null));
                } catch (RuntimeException e) {
                    answer.resume(e);
                }
            });
            if (!queued) {
                java.util.Arrays.fill(password, '\0');
                answer.resume(ErrorResponses.busy("too many sign-ins are waiting; try again in a few seconds", 5));
            }
        } catch (RuntimeException e) {
            answer.resume(e);
        }
    }

    private static void validate(TokenRequest request) {
        if (request == null) {
            throw new InvalidValueException("body", "username and password are required");
        }
        if (request.username() == null || request.username().isBlank()) {
            throw new InvalidValueException("username", "is required");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new InvalidValueException("password", "is required");
        }
        if (request.password().length() > 1024 || request.username().length() > 256) {
            throw new InvalidValueException("password", "is longer than any password this server accepts");
        }
        if (request.otp() != null && request.otp().length() > 64) {
            throw new InvalidValueException("otp", "is longer than any one-time or recovery code");
        }
    }

    @GET
    @Path("jwks")
    @PermitAll
    public Map<String, Object> jwks() {
        return issuer.publicKeys();
    }
}
