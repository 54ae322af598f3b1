package org.lscb.server.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.ConfusableNames;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.BoardMembership;
import org.lscb.identity.organisation.BoardReach;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Page;

/** Registers boards and agencies; each change is audited in the same transaction. */
@ApplicationScoped
public class OrganisationService {

    private Database database;
    private Clock clock;

    protected OrganisationService() {}

    @Inject
    public OrganisationService(Database database) {
        this.database = database;
        this.clock = Clock.systemUTC();
    }

    /**
     * Registers an organisation. One that an officer registers joins their board's members at once, so that
     * they can give its staff accounts; an administrator adds members to boards explicitly.
     */
    public Organisation register(Caller by, String name, OrganisationKind kind, String area) {
        return database.inTransaction(em -> {
            Organisation o = new Organisation(name, kind, area);
            OrganisationRepository orgs = new OrganisationRepository(em);
            refuseLookalike(orgs, o.name());
            orgs.add(o);
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(),
                                    by.accountId(),
                                    AuditAction.ORGANISATION_CREATED,
                                    "organisation",
                                    o.id())
                            .withDetails(o.kind() + " " + o.name()));
            if (!by.has(Role.ADMIN) && by.has(Role.LSCB_OFFICER) && by.organisationId() != null && !o.isBoard()) {
                Organisation board = orgs.byId(by.organisationId())
                        .filter(Organisation::isBoard)
                        .orElse(null);
                if (board != null) {
                    em.flush(); // the membership refers to the new organisation
                    addMember(em, by, board, o);
                }
            }
            return o;
        });
    }

    /**
     * The directory is shared by every board, and officers pick from it by name the organisations a review involves
     * (whose staff then read the review and send documents to it). A second "Northmere Constabulary", or one spelt
     * with a Cyrillic letter, registered by another board's officer would join that board's members, get accounts
     * from it and be one slip away from a review it has nothing to do with: a name that mixes alphabets, or that
     * equals (ignoring case and spacing) or looks like an existing organisation's, is refused.
     */
    private static void refuseLookalike(OrganisationRepository orgs, String name) {
        ConfusableNames.check("name", name);
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .replaceAll("\\s+", " ");
        for (String existing : orgs.names()) {
            String other = java.text.Normalizer.normalize(existing, java.text.Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
            if (plain.equalsIgnoreCase(other) || ConfusableNames.imitates(name, existing)) {
                throw new InvalidValueException(
                        "name",
                        "is taken by, or looks like, the organisation \"" + existing
                                + "\" already in the directory; use that one, or a name people can tell apart");
            }
        }
    }

    /** The organisations a board covers: to an administrator, and to the board's own officers; otherwise 404. */
    public List<Organisation> members(Caller by, String boardId) {
        return database.read(em -> {
            board(em, by, boardId);
            return new OrganisationRepository(em).memberOrganisations(boardId);
        });
    }

    /** An administrator adds an organisation to a board's members; adding one already there changes nothing. */
    public Organisation addMember(Caller by, String boardId, String organisationId) {
        return database.inTransaction(em -> {
            Organisation board = board(em, by, boardId);
            OrganisationRepository orgs = new OrganisationRepository(em);
            Organisation member = orgs.byId(organisationId)
                    .orElseThrow(() -> new InvalidValueException("organisationId", "names no organisation"));
            if (orgs.membership(boardId, organisationId).isEmpty()) {
                addMember(em, by, board, member);
            }
            return member;
        });
    }

    /** An administrator removes an organisation from a board's members: its accounts leave the board's officers' reach. */
    public void removeMember(Caller by, String boardId, String organisationId) {
        database.inTransaction(em -> {
            board(em, by, boardId);
            OrganisationRepository orgs = new OrganisationRepository(em);
            BoardMembership m = orgs.membership(boardId, organisationId).orElseThrow(NotFoundException::new);
            orgs.removeMember(m);
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(),
                                    by.accountId(),
                                    AuditAction.BOARD_MEMBER_REMOVED,
                                    "organisation",
                                    boardId)
                            .withDetails("member " + organisationId));
            return null;
        });
    }

    private void addMember(EntityManager em, Caller by, Organisation board, Organisation member) {
        new OrganisationRepository(em).addMember(new BoardMembership(board, member, clock.instant()));
        new AuditLog(em)
                .append(AuditEvent.of(
                                clock.instant(),
                                by.accountId(),
                                AuditAction.BOARD_MEMBER_ADDED,
                                "organisation",
                                board.id())
                        .withDetails("member " + member.id() + " " + member.name()));
    }

    /** The board, when the caller reaches it (an administrator, or one of its officers); otherwise 404. */
    private static Organisation board(EntityManager em, Caller by, String boardId) {
        Organisation board = new OrganisationRepository(em)
                .byId(boardId)
                .filter(Organisation::isBoard)
                .orElseThrow(NotFoundException::new);
        BoardReach reach = BoardReaches.of(em, by);
        if (!reach.isEverything() && !reach.board().filter(boardId::equals).isPresent()) {
            throw new NotFoundException();
        }
        return board;
    }

    public Optional<Organisation> find(String id) {
        return database.read(em -> new OrganisationRepository(em).byId(id));
    }

    public Page<Organisation> list(int page, int size) {
        return database.read(em -> {
            OrganisationRepository repo = new OrganisationRepository(em);
            List<Organisation> items = repo.page(page * size, size);
            return new Page<>(repo.count(), items);
        });
    }
}
