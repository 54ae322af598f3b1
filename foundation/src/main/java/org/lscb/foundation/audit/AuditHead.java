package org.lscb.foundation.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that says how long the chain is and what its last hash is. Appenders lock it, so
 * entries are numbered without gaps even with several servers; it also reveals a cut-off tail.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "entries", nullable = false)
    private long entries;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditHead() {}

    AuditEntry append(AuditEvent event) {
        AuditEntry entry = new AuditEntry(entries, hash, event);
        entries++;
        hash = entry.hash();
        return entry;
    }

    public long entries() {
        return entries;
    }

    public String hash() {
        return hash;
    }
}
