package org.lscb.server.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;
import org.lscb.server.organisation.OrganisationService;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Templates;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.Pagination;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.Select;
import org.lscb.server.web.component.SummaryList;
import org.lscb.server.web.component.Table;
import org.lscb.server.web.component.Table.Cell;
import org.lscb.server.web.session.SignedIn;

/**
 * Boards and partner agencies, and which agencies each board covers: views of the same
 * {@link OrganisationService} calls as {@code /api/v1/organisations}, with its roles. Anyone the API lets
 * list and register organisations (ADMIN, LSCB_OFFICER) sees the directory and adds to it; a board's members
 * are shown to an administrator and the board's own officers (another board's officers get "Page not found",
 * as the API's 404); adding and removing members is the administrator's alone (403 to anyone else).
 */
@Path("admin/organisations")
@Produces(MediaType.TEXT_HTML)
public class OrganisationPages {

    /** Enough for the choice lists of every deployment so far: a board covers a few dozen agencies. */
    static final int DIRECTORY_LIMIT = 1000;

    private SignedIn signedIn;
    private Pages pages;
    private OrganisationService organisations;

    protected OrganisationPages() {}

    @Inject
    public OrganisationPages(SignedIn signedIn, Pages pages, OrganisationService organisations) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.organisations = organisations;
    }

    /** One organisation as the pages show it: the kind in words. */
    public record Row(String id, String name, String kind, String area, boolean board) {
        static Row of(Organisation o) {
            return new Row(
                    o.id(),
                    o.name(),
                    Words.organisationKind(o.kind().name()),
                    o.area() == null ? "" : o.area(),
                    o.isBoard());
        }
    }

    public record Directory(List<Row> rows, long total, int page, boolean hasNext) {

        /** The directory as GOV.UK's table, each name a link to the organisation. */
        public Table table() {
            return new Table(
                    total + (total == 1 ? " organisation" : " organisations"),
                    "govuk-table__caption--m",
                    List.of(Cell.of("Name"), Cell.of("Kind"), Cell.of("Area")),
                    rows.stream()
                            .map(r -> List.of(
                                    Cell.of(Cells.link(r.name(), "/admin/organisations/" + r.id())),
                                    Cell.of(r.kind()),
                                    Cell.of(r.area())))
                            .toList(),
                    true,
                    null,
                    null);
        }

        /** Previous and next page links; null when the directory fits on this page. */
        public Pagination pagination() {
            return Cells.pages("/admin/organisations", page, hasNext);
        }
    }

    @GET
    public Response list(@QueryParam("page") String page) {
        signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        Paging paging = Paging.parse(page, null);
        Page<Organisation> found = organisations.list(paging.page(), paging.size());
        List<Row> rows = found.items().stream().map(Row::of).toList();
        boolean hasNext = (long) (paging.page() + 1) * paging.size() < found.total();
        return Pages.page(
                "pages/admin/organisations.jte",
                pages.chrome("Organisations", "admin"),
                Map.of("view", new Directory(rows, found.total(), paging.page(), hasNext)));
    }

    /** The form to register an organisation: what was typed, and what is wrong with it. */
    public record NewForm(String name, String kind, String area, FormErrors errors) {

        public Input nameInput() {
            return Input.text("name", Label.of("Name"), name)
                    .withHint(Hint.of("As people know it, for example Northmere Constabulary"))
                    .withError(errors.errorFor("name"));
        }

        public Radios kindRadios() {
            List<Radios.Item> items = Arrays.stream(OrganisationKind.values())
                    .map(k -> Radios.Item.of(k.name(), Words.organisationKind(k.name())))
                    .toList();
            return Radios.of("kind", Fieldset.Legend.of("What kind of organisation is it?"), items, kind)
                    .withError(errors.errorFor("kind"));
        }

        public Input areaInput() {
            return Input.text("area", Label.of("Area (optional)"), area)
                    .withHint(Hint.of("The local authority area it serves, for example Northmere"))
                    .withError(errors.errorFor("area"));
        }
    }

    @GET
    @Path("new")
    public Response newForm() {
        signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        return newPage(200, new NewForm("", "", "", FormErrors.none()));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @FormParam("name") String name, @FormParam("kind") String kind, @FormParam("area") String area) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        String n = name == null ? "" : name.strip();
        String k = kind == null ? "" : kind.strip();
        String a = area == null ? "" : area.strip();
        FormErrors errors = FormErrors.none();
        if (n.isEmpty()) {
            errors = errors.with("name", "Enter the organisation's name");
        }
        OrganisationKind parsed = null;
        try {
            parsed = k.isEmpty() ? null : OrganisationKind.valueOf(k);
        } catch (IllegalArgumentException unknown) {
            parsed = null;
        }
        if (parsed == null) {
            errors = errors.with("kind", "Select what kind of organisation it is");
        }
        if (!errors.isEmpty()) {
            return newPage(400, new NewForm(n, k, a, errors));
        }
        try {
            Organisation o = organisations.register(c, n, parsed, a.isEmpty() ? null : a);
            return Pages.seeOther("/admin/organisations/" + o.id() + "?done=created");
        } catch (InvalidValueException e) {
            String field = Set.of("name", "kind", "area").contains(e.field()) ? e.field() : "name";
            String label = switch (field) {
                case "kind" -> "Kind";
                case "area" -> "Area";
                default -> "Name";
            };
            return newPage(400, new NewForm(n, k, a, FormErrors.none().with(field, FormErrors.refusal(label, e))));
        }
    }

    private Response newPage(int status, NewForm form) {
        return Pages.page(
                status,
                "pages/admin/organisation-new.jte",
                pages.chrome("Add an organisation", "admin")
                        .withError(!form.errors().isEmpty()),
                Map.of("form", form));
    }

    /**
     * One organisation. A board: the organisations it covers ({@link OrganisationService#members}) and, to an
     * administrator, the forms to add or remove one. Another organisation: to an administrator, the form to add
     * it to a board (the API models membership from the board's side only).
     */
    public record Summary(
            Row organisation,
            List<Row> members,
            List<Select.Item> candidates,
            boolean canChangeMembers,
            String done,
            String chosen,
            FormErrors errors) {

        public Select memberSelect() {
            List<Select.Item> items = new ArrayList<>();
            items.add(Select.Item.of("", "Choose an organisation"));
            items.addAll(candidates);
            return Select.of("organisationId", Label.of("Organisation to add"), items, chosen)
                    .withError(errors.errorFor("organisationId"));
        }

        public Select boardSelect() {
            List<Select.Item> items = new ArrayList<>();
            items.add(Select.Item.of("", "Choose a board"));
            items.addAll(candidates);
            return Select.of("boardId", Label.of("Board"), items, chosen).withError(errors.errorFor("boardId"));
        }

        public String doneMessage() {
            return switch (done == null ? "" : done) {
                case "created" -> "Organisation added";
                case "member-added" -> "Member added to the board";
                case "member-removed" -> "Member removed from the board";
                case "board-joined" -> "Organisation added to the board";
                default -> null;
            };
        }

        /** The success banner for what was just done; null when nothing was. */
        public NotificationBanner banner() {
            return Cells.done(doneMessage());
        }

        /** The organisation's kind and area as GOV.UK's summary list. */
        public SummaryList summaryList() {
            return SummaryList.of(
                    SummaryList.Row.of("Kind", organisation.kind()),
                    SummaryList.Row.of("Area", organisation.area().isEmpty() ? "Not given" : organisation.area()));
        }

        /**
         * The board's members as GOV.UK's table, each name a link to the organisation and, when the person may
         * change the members, a button to remove it (a form posting {@code csrf}, the session's token).
         */
        public Table membersTable(String csrf) {
            List<Cell> head = new ArrayList<>(List.of(Cell.of("Organisation"), Cell.of("Kind")));
            if (canChangeMembers) {
                head.add(Cell.of(new Html("<span class=\"govuk-visually-hidden\">Action</span>")));
            }
            List<List<Cell>> body = members.stream()
                    .map(m -> {
                        List<Cell> row = new ArrayList<>(List.of(
                                Cell.of(Cells.link(m.name(), "/admin/organisations/" + m.id())), Cell.of(m.kind())));
                        if (canChangeMembers) {
                            row.add(Cell.of(new Html(Templates.render(
                                    "pages/admin/removeMember.jte",
                                    Map.of("boardId", organisation.id(), "member", m, "csrf", csrf)))));
                        }
                        return row;
                    })
                    .toList();
            return new Table(
                    members.size() + (members.size() == 1 ? " member" : " members"),
                    "govuk-table__caption--s",
                    head,
                    body,
                    true,
                    null,
                    Map.of("id", "members"));
        }
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id, @QueryParam("done") String done) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        return summaryPage(200, c, id, done, "", FormErrors.none());
    }

    /** Adds an organisation to this board's members (POST {@code /api/v1/organisations/{id}/members}). */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") String id, @FormParam("organisationId") String organisationId) {
        Caller c = signedIn.withAnyRole(Role.ADMIN);
        String member = organisationId == null ? "" : organisationId.strip();
        if (member.isEmpty()) {
            return summaryPage(
                    400, c, id, null, "", FormErrors.none().with("organisationId", "Choose the organisation to add"));
        }
        try {
            organisations.addMember(c, id, member);
        } catch (InvalidValueException e) {
            return summaryPage(
                    400,
                    c,
                    id,
                    null,
                    member,
                    FormErrors.none().with("organisationId", FormErrors.refusal("The organisation", e)));
        }
        return Pages.seeOther("/admin/organisations/" + id + "?done=member-added");
    }

    /** Adds this organisation to a board's members: the same call, from the member's page. */
    @POST
    @Path("{id}/boards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response joinBoard(@PathParam("id") String id, @FormParam("boardId") String boardId) {
        Caller c = signedIn.withAnyRole(Role.ADMIN);
        String board = boardId == null ? "" : boardId.strip();
        if (board.isEmpty()) {
            return summaryPage(400, c, id, null, "", FormErrors.none().with("boardId", "Choose the board"));
        }
        try {
            organisations.addMember(c, board, id);
        } catch (NotFoundException | InvalidValueException e) {
            return summaryPage(400, c, id, null, board, FormErrors.none().with("boardId", "Choose one of the boards"));
        }
        return Pages.seeOther("/admin/organisations/" + id + "?done=board-joined");
    }

    /** Removes an organisation from this board's members (DELETE {@code /api/v1/organisations/{id}/members/{m}}). */
    @POST
    @Path("{id}/members/{memberId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("id") String id, @PathParam("memberId") String memberId) {
        Caller c = signedIn.withAnyRole(Role.ADMIN);
        organisations.removeMember(c, id, memberId);
        return Pages.seeOther("/admin/organisations/" + id + "?done=member-removed");
    }

    private Response summaryPage(int status, Caller c, String id, String done, String chosen, FormErrors errors) {
        Organisation o = organisations.find(id).orElseThrow(NotFoundException::new);
        boolean admin = c.has(Role.ADMIN);
        List<Row> members =
                o.isBoard() ? organisations.members(c, id).stream().map(Row::of).toList() : List.of();
        List<Select.Item> candidates = List.of();
        if (admin) {
            Set<String> already = members.stream().map(Row::id).collect(Collectors.toSet());
            candidates = organisations.list(0, DIRECTORY_LIMIT).items().stream()
                    .filter(other -> !other.id().equals(id))
                    .filter(other -> o.isBoard() ? !other.isBoard() && !already.contains(other.id()) : other.isBoard())
                    .map(other -> Select.Item.of(other.id(), other.name()))
                    .toList();
        }
        Summary view = new Summary(Row.of(o), members, candidates, admin, done, chosen, errors);
        return Pages.page(
                status,
                "pages/admin/organisation.jte",
                pages.chrome(o.name(), "admin").withError(!errors.isEmpty()),
                Map.of("view", view));
    }
}
