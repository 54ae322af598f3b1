package org.lscb.reviews.cdop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.lscb.foundation.value.InvalidValueException;

/**
 * The coded part of the panel's analysis of a child death (the national analysis form, Form C) [27]: the category
 * of death with its scheme, the level of influence of the factors in each of the four domains with its scale, and
 * the panel's judgement on modifiable factors. Only codes are kept here, in clear, so that returns and reports can
 * count them; the panel's narrative stays in the review's encrypted documents. The recommendations are kept on the
 * review beside it ({@link Recommendation}).
 */
@Embeddable
public class CdopAnalysis {

    @Column(name = "cdop_category_code")
    private Integer categoryCode;

    @Column(name = "cdop_category_scheme", length = 40)
    private String categoryScheme;

    @Column(name = "cdop_factor_scale", length = 40)
    private String factorScale;

    @Enumerated(EnumType.STRING)
    @Column(name = "cdop_intrinsic", length = 30)
    private FactorLevel intrinsic;

    @Enumerated(EnumType.STRING)
    @Column(name = "cdop_social_environment", length = 30)
    private FactorLevel socialEnvironment;

    @Enumerated(EnumType.STRING)
    @Column(name = "cdop_physical_environment", length = 30)
    private FactorLevel physicalEnvironment;

    @Enumerated(EnumType.STRING)
    @Column(name = "cdop_service_provision", length = 30)
    private FactorLevel serviceProvision;

    @Enumerated(EnumType.STRING)
    @Column(name = "cdop_modifiable", length = 30)
    private ModifiableFactors modifiable;

    @Column(name = "cdop_analysed_at")
    private Instant analysedAt;

    @Column(name = "cdop_analysed_by", length = 36)
    private String analysedBy;

    protected CdopAnalysis() {}

    /**
     * A whole analysis: the form is answered in full or not at all, so every coded field is required.
     *
     * @throws InvalidValueException naming the missing field ({@code factors.SERVICE_PROVISION},
     *     {@code modifiableFactors})
     */
    public CdopAnalysis(
            DeathCategory category,
            Map<FactorDomain, FactorLevel> factors,
            ModifiableFactors modifiable,
            String by,
            Instant at) {
        if (category == null) {
            throw new InvalidValueException("category", "is required");
        }
        for (FactorDomain d : FactorDomain.values()) {
            if (factors == null || factors.get(d) == null) {
                throw new InvalidValueException(
                        "factors." + d, "is required: a level of the form's scale for each of the four domains");
            }
        }
        if (modifiable == null) {
            throw new InvalidValueException(
                    "modifiableFactors",
                    "is required: the panel's judgement IDENTIFIED, NONE_IDENTIFIED or INADEQUATE_INFORMATION");
        }
        this.categoryCode = category.code();
        this.categoryScheme = DeathCategory.SCHEME;
        this.factorScale = FactorLevel.SCALE;
        this.intrinsic = factors.get(FactorDomain.INTRINSIC_TO_CHILD);
        this.socialEnvironment = factors.get(FactorDomain.SOCIAL_ENVIRONMENT);
        this.physicalEnvironment = factors.get(FactorDomain.PHYSICAL_ENVIRONMENT);
        this.serviceProvision = factors.get(FactorDomain.SERVICE_PROVISION);
        this.modifiable = modifiable;
        this.analysedBy = by;
        this.analysedAt = at;
    }

    /** Whether the panel has answered the form: a category, a level in every domain and the judgement. */
    public boolean complete() {
        return categoryCode != null
                && intrinsic != null
                && socialEnvironment != null
                && physicalEnvironment != null
                && serviceProvision != null
                && modifiable != null;
    }

    public Optional<DeathCategory> category() {
        return categoryCode == null ? Optional.empty() : Optional.of(DeathCategory.of(categoryCode, "category"));
    }

    public String categoryScheme() {
        return categoryScheme;
    }

    public String factorScale() {
        return factorScale;
    }

    public Map<FactorDomain, FactorLevel> factors() {
        Map<FactorDomain, FactorLevel> m = new EnumMap<>(FactorDomain.class);
        put(m, FactorDomain.INTRINSIC_TO_CHILD, intrinsic);
        put(m, FactorDomain.SOCIAL_ENVIRONMENT, socialEnvironment);
        put(m, FactorDomain.PHYSICAL_ENVIRONMENT, physicalEnvironment);
        put(m, FactorDomain.SERVICE_PROVISION, serviceProvision);
        return m;
    }

    private static void put(Map<FactorDomain, FactorLevel> m, FactorDomain d, FactorLevel l) {
        if (l != null) {
            m.put(d, l);
        }
    }

    public Optional<ModifiableFactors> modifiable() {
        return Optional.ofNullable(modifiable);
    }

    public Optional<Instant> analysedAt() {
        return Optional.ofNullable(analysedAt);
    }

    public Optional<String> analysedBy() {
        return Optional.ofNullable(analysedBy);
    }
}
