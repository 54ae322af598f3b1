package org.lscb.registry.reviewer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;

/**
 * A reviewer on the register: a profile people search, the evidence that they are suitably
 * qualified, their ties to organisations and what they declared. Whether they are qualified is
 * derived from verified, current evidence ({@link QualificationRule}); it is never stored.
 */
@Entity
@Table(name = "reviewer")
public class Reviewer {

    public static final int MAX_SUMMARY = 4000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** The reviewer's own sign-in, when they have one; that account may edit this profile. */
    @Column(name = "account_id", length = 36, unique = true)
    private String accountId;

    /** The board whose officer put this reviewer on the register, if an officer did; its officers keep the profile. */
    @Column(name = "registered_by_board", length = 36)
    private String registeredByBoard;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "summary", length = MAX_SUMMARY)
    private String summary;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reviewer_expertise", joinColumns = @JoinColumn(name = "reviewer_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "area", length = 40)
    private Set<ExpertiseArea> expertise = EnumSet.noneOf(ExpertiseArea.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reviewer_skill", joinColumns = @JoinColumn(name = "reviewer_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "skill", length = 40)
    private Set<Skill> skills = EnumSet.noneOf(Skill.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reviewer_region", joinColumns = @JoinColumn(name = "reviewer_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "region", length = 40)
    private Set<Region> regions = EnumSet.noneOf(Region.class);

    @Column(name = "available", nullable = false)
    private boolean available;

    @OneToMany(mappedBy = "reviewer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("date, id")
    private List<Evidence> evidence = new ArrayList<>();

    @OneToMany(mappedBy = "reviewer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("startsOn")
    private List<Affiliation> affiliations = new ArrayList<>();

    @OneToMany(mappedBy = "reviewer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("declaredAt")
    private List<DeclaredInterest> interests = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The version stamp of the reviewer's latest change, for the search index on every node (ReviewerRepository#nextIndexStamp). */
    @Column(name = "index_stamp", nullable = false)
    private long indexStamp;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Reviewer() {}

    public Reviewer(String accountId, Profile profile, Instant now) {
        this(accountId, null, profile, now);
    }

    /** A profile an officer of {@code registeredByBoard} registers (null: the reviewer or an administrator did). */
    public Reviewer(String accountId, String registeredByBoard, Profile profile, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.registeredByBoard = registeredByBoard;
        update(profile, now);
    }

    public java.util.Optional<String> registeredByBoard() {
        return java.util.Optional.ofNullable(registeredByBoard);
    }

    /** The editable part of a reviewer, checked as a whole. */
    public record Profile(
            String displayName,
            String summary,
            Set<ExpertiseArea> expertise,
            Set<Skill> skills,
            Set<Region> regions,
            boolean available) {}

    public void update(Profile p, Instant now) {
        this.displayName = Text.required(p.displayName(), "displayName", 200);
        org.lscb.foundation.value.ConfusableNames.check("displayName", this.displayName);
        this.summary = Text.optional(p.summary(), "summary", MAX_SUMMARY);
        this.expertise = copy(p.expertise(), ExpertiseArea.class);
        this.skills = copy(p.skills(), Skill.class);
        this.regions = copy(p.regions(), Region.class);
        this.available = p.available();
        this.updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public Evidence addEvidence(Evidence e, Instant now) {
        e.attachTo(this);
        evidence.add(e);
        updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return e;
    }

    /** An LSCB officer verifies one piece of evidence; nobody verifies their own. */
    public Evidence verifyEvidence(String evidenceId, String officerAccountId, Instant at, String note) {
        if (officerAccountId != null && officerAccountId.equals(accountId)) {
            throw new SelfVerificationException(id);
        }
        Evidence e = evidence.stream()
                .filter(x -> x.id().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> new UnknownPartException("evidence", evidenceId));
        e.verify(officerAccountId, at, note);
        updatedAt = at.truncatedTo(ChronoUnit.MILLIS);
        return e;
    }

    public Affiliation addAffiliation(Affiliation a, Instant now) {
        a.attachTo(this);
        affiliations.add(a);
        updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return a;
    }

    public DeclaredInterest declareInterest(DeclaredInterest i, Instant now) {
        i.attachTo(this);
        interests.add(i);
        updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return i;
    }

    public boolean ownedBy(String accountIdOfCaller) {
        return accountId != null && accountId.equals(accountIdOfCaller);
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return EnumSet.noneOf(type);
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        for (E value : values) {
            if (value == null) {
                throw new InvalidValueException(type.getSimpleName(), "must not contain empty values");
            }
            copy.add(value);
        }
        return copy;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public String summary() {
        return summary;
    }

    public Set<ExpertiseArea> expertise() {
        return Collections.unmodifiableSet(expertise);
    }

    public Set<Skill> skills() {
        return Collections.unmodifiableSet(skills);
    }

    public Set<Region> regions() {
        return Collections.unmodifiableSet(regions);
    }

    public boolean available() {
        return available;
    }

    public List<Evidence> evidence() {
        return Collections.unmodifiableList(evidence);
    }

    public List<Affiliation> affiliations() {
        return Collections.unmodifiableList(affiliations);
    }

    public List<DeclaredInterest> interests() {
        return Collections.unmodifiableList(interests);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long indexStamp() {
        return indexStamp;
    }

    /** Marks this reviewer as changed at this stamp, taken in the same transaction as the change. */
    public void indexStamp(long stamp) {
        this.indexStamp = stamp;
    }
}
