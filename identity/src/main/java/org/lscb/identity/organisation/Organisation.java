package org.lscb.identity.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.lscb.foundation.value.Text;

/** A board or partner agency. Its id is stable; its name and area are what people recognise. */
@Entity
@Table(name = "organisation")
public class Organisation {

    public static final int MAX_NAME = 200;
    public static final int MAX_AREA = 100;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private OrganisationKind kind;

    @Column(name = "area", length = MAX_AREA)
    private String area;

    protected Organisation() {}

    public Organisation(String name, OrganisationKind kind, String area) {
        this.id = UUID.randomUUID().toString();
        this.name = Text.required(name, "name", MAX_NAME);
        this.kind = Text.present(kind, "kind");
        this.area = Text.optional(area, "area", MAX_AREA);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public String area() {
        return area;
    }

    public boolean isBoard() {
        return kind == OrganisationKind.LSCB;
    }
}
