package org.lscb.server.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.lscb.registry.value.InvalidValueException;

/** Sign-in for local accounts and the public keys that verify the tokens. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private SignInService signIn;
    private TokenIssuer issuer;

    protected AuthResource() {
    }

    @Inject
    public AuthResource(SignInService signIn, TokenIssuer issuer) {
        this.signIn = signIn;
        this.issuer = issuer;
    }

    public record TokenRequest(String username, String password, String otp) {
    }

    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @POST
    @Path("token")
    @PermitAll
    public TokenResponse token(TokenRequest request) {
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
        TokenIssuer.IssuedToken token = signIn.signIn(request.username(), request.password().toCharArray());
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
    }

    @GET
    @Path("jwks")
    @PermitAll
    public Map<String, Object> jwks() {
        return issuer.publicKeys();
    }
}
