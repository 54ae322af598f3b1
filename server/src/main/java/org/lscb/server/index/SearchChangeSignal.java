package org.lscb.server.index;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The push half of the search feed (docs/architecture.md "Search"): when this server commits a change to one of its
 * search indexes, it says so on a topic of Payara Micro's data grid, and every other node of the service catches
 * that index up at once instead of at its next poll. The message names the index and carries nothing else: the
 * version stamps in the database stay the only truth, so a lost, late or forged message costs at most one cheap
 * read of a stamp, and a node that missed messages still catches up at its poll.
 *
 * <p>Without a data grid (a single server, {@code CLUSTER} off) there is no topic: announcing does nothing and the
 * poll is the whole feed.
 */
@ApplicationScoped
public class SearchChangeSignal {

    /** Payara Micro binds its Hazelcast instance here when the grid runs. */
    static final String GRID_JNDI_NAME = "payara/Hazelcast";

    static final String TOPIC = "lscb.search.changes";

    /** The reviewer register's index, as messages name it. */
    public static final String REVIEWERS = "reviewers";

    /** The public library's index, as messages name it. */
    public static final String LIBRARY = "library";

    private static final Logger LOG = Logger.getLogger(SearchChangeSignal.class.getName());

    private ITopic<String> topic;
    private UUID listener;

    @PostConstruct
    void connect() {
        topic = grid().map(grid -> grid.<String>getTopic(TOPIC)).orElse(null);
        boolean clustered = ConfigProvider.getConfig()
                .getOptionalValue("cluster", String.class)
                .map(String::strip)
                .filter("true"::equalsIgnoreCase)
                .isPresent();
        if (clustered && topic == null) {
            LOG.warning("CLUSTER is true but Payara Micro's data grid was not found at " + GRID_JNDI_NAME
                    + ": other nodes learn of this server's search changes only at their next poll");
        }
    }

    /**
     * Tells the other nodes that this server committed a change to {@code index}. Never fails its caller: the change
     * is committed, and the other nodes' polls apply it if the message is lost.
     */
    public void announce(String index) {
        if (topic == null) {
            return;
        }
        try {
            topic.publish(index);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "could not announce a change to the " + index + " on the data grid; the other nodes'"
                            + " polls apply it");
        }
    }

    /**
     * Calls {@code changed} with the index's name whenever another node announces a change; never for this node's
     * own announcements. {@code changed} runs on the grid's event thread, so it must only hand the work on.
     */
    public synchronized void onAnnouncement(Consumer<String> changed) {
        if (topic == null || listener != null) {
            return;
        }
        listener = topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                changed.accept(message.getMessageObject());
            }
        });
    }

    @PreDestroy
    synchronized void disconnect() {
        if (topic != null && listener != null) {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "the grid was already stopping");
            }
            listener = null;
        }
    }

    private static Optional<HazelcastInstance> grid() {
        try {
            Object found = new InitialContext().lookup(GRID_JNDI_NAME);
            if (found instanceof HazelcastInstance grid
                    && grid.getLifecycleService().isRunning()) {
                return Optional.of(grid);
            }
        } catch (NamingException | RuntimeException noGrid) {
            LOG.log(Level.FINE, noGrid, () -> "no data grid: the search feed polls only");
        }
        return Optional.empty();
    }
}
