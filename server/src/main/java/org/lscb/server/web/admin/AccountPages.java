package org.lscb.server.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.Role;
import org.lscb.identity.account.Username;
import org.lscb.identity.organisation.Organisation;
import org.lscb.server.account.AccountService;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;
import org.lscb.server.organisation.OrganisationService;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Templates;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Checkboxes;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.Pagination;
import org.lscb.server.web.component.Select;
import org.lscb.server.web.component.SummaryList;
import org.lscb.server.web.component.Table;
import org.lscb.server.web.component.Table.Cell;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.session.SignedIn;

/**
 * People's accounts: views of the same {@link AccountService} calls as {@code /api/v1/accounts}, with its
 * roles (ADMIN, LSCB_OFFICER). The service decides the rest, as for the API: an officer sees and creates only
 * the accounts of the organisations their board covers (anything else is "Page not found"), grants neither
 * ADMIN nor LSCB_OFFICER, and resets the second factor only of their board's staff (403 otherwise).
 */
@Path("admin/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private SignedIn signedIn;
    private Pages pages;
    private AccountService accounts;
    private OrganisationService organisations;

    protected AccountPages() {}

    @Inject
    public AccountPages(SignedIn signedIn, Pages pages, AccountService accounts, OrganisationService organisations) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    /** One account as the pages show it: roles and organisation in words. */
    public record Row(String id, String username, String displayName, List<String> roles, String organisation) {}

    public record Listing(List<Row> rows, long total, int page, boolean hasNext) {

        /** The accounts as GOV.UK's table, each username a link to its account. */
        public Table table() {
            return new Table(
                    total + (total == 1 ? " account" : " accounts"),
                    "govuk-table__caption--m",
                    List.of(Cell.of("Username"), Cell.of("Name"), Cell.of("Roles"), Cell.of("Organisation")),
                    rows.stream()
                            .map(r -> List.of(
                                    Cell.of(Cells.link(r.username(), "/admin/accounts/" + r.id())),
                                    Cell.of(r.displayName()),
                                    Cell.of(String.join(", ", r.roles())),
                                    Cell.of(r.organisation())))
                            .toList(),
                    true,
                    null,
                    null);
        }

        /** Previous and next page links; null when every account fits on this page. */
        public Pagination pagination() {
            return Cells.pages("/admin/accounts", page, hasNext);
        }
    }

    @GET
    public Response list(@QueryParam("page") String page) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        Paging paging = Paging.parse(page, null);
        Page<Account> found = accounts.list(c, paging.page(), paging.size());
        Map<String, String> names = new HashMap<>();
        List<Row> rows = found.items().stream().map(a -> row(a, names)).toList();
        boolean hasNext = (long) (paging.page() + 1) * paging.size() < found.total();
        return Pages.page(
                "pages/admin/accounts.jte",
                pages.chrome("Accounts", "admin"),
                Map.of("view", new Listing(rows, found.total(), paging.page(), hasNext)));
    }

    private Row row(Account a, Map<String, String> organisationNames) {
        String org = a.organisationId() == null
                ? ""
                : organisationNames.computeIfAbsent(
                        a.organisationId(),
                        id -> organisations.find(id).map(Organisation::name).orElse(""));
        return new Row(
                a.id(),
                a.username().value(),
                a.displayName() == null ? "" : a.displayName(),
                a.roles().stream().map(Enum::name).sorted().map(Words::role).toList(),
                org);
    }

    /** The form for a new account: what was typed (never the password), and what is wrong with it. */
    public record NewForm(
            String username,
            String displayName,
            List<String> roles,
            String organisationId,
            List<Select.Item> organisations,
            FormErrors errors) {

        public Input usernameInput() {
            return new Input(
                            null,
                            "username",
                            null,
                            Label.of("Username"),
                            null,
                            null,
                            username,
                            "off",
                            null,
                            false,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)
                    .withHint(Hint.of("Lower-case letters, digits, dots, hyphens or underscores, for example j.smith"))
                    .withError(errors.errorFor("username"));
        }

        public Input displayNameInput() {
            return Input.text("displayName", Label.of("Full name"), displayName)
                    .withHint(Hint.of("As other people will see it beside what this person does"))
                    .withError(errors.errorFor("displayName"));
        }

        public Checkboxes rolesCheckboxes() {
            List<Checkboxes.Item> items = Arrays.stream(Role.values())
                    .map(r -> Checkboxes.Item.of(r.name(), Words.role(r.name())))
                    .toList();
            return Checkboxes.of("roles", Fieldset.Legend.of("What may this person do?"), items, roles)
                    .withHint(Hint.of("Select all that apply. Administrators, board officers and board Chairs"
                            + " must set up two-factor sign-in when they first sign in."))
                    .withError(errors.errorFor("roles"));
        }

        public Select organisationSelect() {
            List<Select.Item> items = new ArrayList<>();
            items.add(Select.Item.of("", "None (administrators only)"));
            items.addAll(organisations);
            return Select.of("organisationId", Label.of("Organisation the person acts for"), items, organisationId)
                    .withError(errors.errorFor("organisationId"));
        }

        public Input passwordInput() {
            return new Input(
                            null,
                            "password",
                            "password",
                            Label.of("Initial password"),
                            null,
                            null,
                            "",
                            "new-password",
                            null,
                            false,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)
                    .withHint(Hint.of("At least 12 characters. Give it to the person by another way than email."))
                    .withError(errors.errorFor("password"));
        }
    }

    @GET
    @Path("new")
    public Response newForm() {
        signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        return newPage(200, new NewForm("", "", List.of(), "", organisationItems(), FormErrors.none()));
    }

    private static final Map<String, String> LABELS = Map.of(
            "username", "Username",
            "displayName", "Full name",
            "roles", "Roles",
            "organisationId", "Organisation",
            "password", "Password");

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @FormParam("username") String username,
            @FormParam("displayName") String displayName,
            @FormParam("roles") List<String> roles,
            @FormParam("organisationId") String organisationId,
            @FormParam("password") String password) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        String u = username == null ? "" : username.strip();
        String d = displayName == null ? "" : displayName.strip();
        String o = organisationId == null ? "" : organisationId.strip();
        List<String> chosen = roles == null
                ? List.of()
                : roles.stream().filter(r -> r != null && !r.isBlank()).toList();
        FormErrors errors = FormErrors.none();
        if (u.isEmpty()) {
            errors = errors.with("username", "Enter a username");
        }
        if (d.isEmpty()) {
            errors = errors.with("displayName", "Enter the person's full name");
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String r : chosen) {
            try {
                parsed.add(Role.valueOf(r));
            } catch (IllegalArgumentException unknown) {
                errors = errors.with("roles", "Select roles from the list");
            }
        }
        if (chosen.isEmpty()) {
            errors = errors.with("roles", "Select at least one role");
        }
        if (password == null || password.isEmpty()) {
            errors = errors.with("password", "Enter an initial password");
        }
        if (errors.isEmpty()) {
            try {
                Account a = accounts.create(
                        c,
                        new AccountService.NewAccount(
                                new Username(u), d, parsed, o.isEmpty() ? null : o, password.toCharArray(), false));
                return Pages.seeOther("/admin/accounts/" + a.id() + "?done=created");
            } catch (InvalidValueException e) {
                String field = LABELS.containsKey(e.field()) ? e.field() : "username";
                errors = errors.with(field, FormErrors.refusal(LABELS.get(field), e));
            }
        }
        return newPage(400, new NewForm(u, d, chosen, o, organisationItems(), errors));
    }

    private List<Select.Item> organisationItems() {
        return organisations.list(0, OrganisationPages.DIRECTORY_LIMIT).items().stream()
                .map(org -> Select.Item.of(org.id(), org.name()))
                .toList();
    }

    private Response newPage(int status, NewForm form) {
        return Pages.page(
                status,
                "pages/admin/account-new.jte",
                pages.chrome("Add an account", "admin").withError(!form.errors().isEmpty()),
                Map.of("form", form));
    }

    /** One account: its roles, organisation, how it signs in and whether its two-factor sign-in is set up. */
    public record Summary(
            Row account,
            String organisationId,
            boolean externalSignIn,
            boolean secondFactor,
            String secondFactorSince,
            String done) {

        public String doneMessage() {
            return switch (done == null ? "" : done) {
                case "created" -> "Account added";
                case "two-factor-reset" ->
                    "Two-factor sign-in reset. The person sets it up again when they next sign in.";
                default -> null;
            };
        }

        /** The success banner for what was just done; null when nothing was. */
        public NotificationBanner banner() {
            return Cells.done(doneMessage());
        }

        /** The account's facts as GOV.UK's summary list, its organisation a link to the organisation. */
        public SummaryList summaryList() {
            TextOrHtml organisation = organisationId == null
                    ? TextOrHtml.text("None")
                    : Cells.link(account.organisation(), "/admin/organisations/" + organisationId);
            return new SummaryList(
                    List.of(
                            SummaryList.Row.of("Username", account.username()),
                            SummaryList.Row.of("Roles", String.join(", ", account.roles())),
                            new SummaryList.Row(
                                    SummaryList.Cell.of("Organisation"),
                                    new SummaryList.Cell(organisation, null),
                                    null,
                                    null),
                            SummaryList.Row.of(
                                    "Signs in with",
                                    externalSignIn ? "The external identity provider only" : "A password"),
                            new SummaryList.Row(
                                    SummaryList.Cell.of("Two-factor sign-in"),
                                    new SummaryList.Cell(
                                            new Html(Templates.render("pages/admin/twoFactorCell.jte", this)), null),
                                    null,
                                    null)),
                    null,
                    null,
                    Map.of("id", "account"));
        }
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id, @QueryParam("done") String done) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        Summary view = summary(c, id, done);
        return Pages.page(
                "pages/admin/account.jte",
                pages.chrome(
                        view.account().displayName().isEmpty()
                                ? view.account().username()
                                : view.account().displayName(),
                        "admin"),
                Map.of("view", view));
    }

    /** Asks before resetting: the person cannot sign in with their old phone or recovery codes afterwards. */
    @GET
    @Path("{id}/two-factor-reset")
    public Response confirmReset(@PathParam("id") String id) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        Summary view = summary(c, id, null);
        return Pages.page(
                "pages/admin/two-factor-reset.jte",
                pages.chrome("Reset two-factor sign-in for " + view.account().username(), "admin"),
                Map.of("view", view));
    }

    /** The same call as {@code DELETE /api/v1/accounts/{id}/totp}. */
    @POST
    @Path("{id}/two-factor-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("id") String id) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        accounts.resetSecondFactor(c, id);
        return Pages.seeOther("/admin/accounts/" + id + "?done=two-factor-reset");
    }

    private Summary summary(Caller c, String id, String done) {
        AccountService.Summary s = accounts.summary(c, id);
        Account a = s.account();
        return new Summary(
                row(a, new HashMap<>()),
                a.organisationId(),
                !a.hasPassword(),
                s.secondFactor(),
                s.secondFactorSince() == null
                        ? ""
                        : Words.date(s.secondFactorSince()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()
                                .toString()),
                done);
    }
}
