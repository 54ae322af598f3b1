package org.lscb.server.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;

/**
 * People who sign in (ADMIN, LSCB_OFFICER): an officer sees and creates only the accounts of the
 * organisations their board covers. Password hashes never leave the server.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    private AccountService accounts;
    private CallerResolver callers;
    private PublicLocations locations;

    protected AccountsResource() {}

    @Inject
    public AccountsResource(AccountService accounts, CallerResolver callers, PublicLocations locations) {
        this.accounts = accounts;
        this.callers = callers;
        this.locations = locations;
    }

    /**
     * An account. In a request, {@code password} is required unless {@code externalSignIn} is true (the
     * person signs in only through the external identity provider). Answers never carry a password.
     */
    public record AccountBody(
            String id,
            String username,
            String displayName,
            List<String> roles,
            String organisationId,
            String password,
            Boolean externalSignIn) {
        static AccountBody of(Account a) {
            return new AccountBody(
                    a.id(),
                    a.username().value(),
                    a.displayName(),
                    a.roles().stream().map(Enum::name).sorted().toList(),
                    a.organisationId(),
                    null,
                    !a.hasPassword());
        }
    }

    @GET
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Page<AccountBody> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size);
        return accounts.list(callers.caller(), paging.page(), paging.size()).map(AccountBody::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public AccountBody get(@PathParam("id") String id) {
        return AccountBody.of(accounts.find(callers.caller(), id));
    }

    @POST
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Response create(AccountBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "an account is required");
        }
        if (body.roles() == null || body.roles().isEmpty()) {
            throw new InvalidValueException("roles", "at least one role is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : body.roles()) {
            roles.add(Enums.parse(Role.class, r, "roles"));
        }
        Account a = accounts.create(
                callers.caller(),
                new AccountService.NewAccount(
                        new Username(body.username()),
                        body.displayName(),
                        roles,
                        body.organisationId(),
                        body.password() == null ? null : body.password().toCharArray(),
                        Boolean.TRUE.equals(body.externalSignIn())));
        return Response.created(locations.of("accounts", a.id()))
                .entity(AccountBody.of(a))
                .build();
    }

    /** Removes the account's two-factor set-up (a lost phone and lost recovery codes): 204, or 404 when it has none. */
    @DELETE
    @Path("{id}/totp")
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Response resetSecondFactor(@PathParam("id") String id) {
        accounts.resetSecondFactor(callers.caller(), id);
        return Response.noContent().build();
    }
}
