package org.lscb.foundation.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one persistence unit over a pooled {@link DataSource}. Work runs in short resource-local
 * transactions: {@link #inTransaction} commits or rolls back, {@link #read} never writes.
 * The schema is owned by Flyway; JPA never generates it.
 */
public final class Database implements AutoCloseable {

    public static final String UNIT = "lscb";
    public static final String PERSISTENCE_XML = "META-INF/lscb-persistence.xml";

    private final EntityManagerFactory factory;

    private Database(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** The application's unit, {@value #PERSISTENCE_XML}, which the server assembles from every module's entities. */
    public static Database open(DataSource dataSource) {
        return open(dataSource, PERSISTENCE_XML);
    }

    /** A unit described by another file: a module's tests list only the entities that module and those below it define. */
    public static Database open(DataSource dataSource, String persistenceXml) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        // A custom name keeps the application server from deploying the unit a second time.
        properties.put("eclipselink.persistencexml", persistenceXml);
        return new Database(Persistence.createEntityManagerFactory(UNIT, properties));
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            return work.apply(em);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
