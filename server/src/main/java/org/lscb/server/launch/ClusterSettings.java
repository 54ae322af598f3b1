package org.lscb.server.launch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether and how this server joins the other nodes of one service through Payara Micro's data grid (Hazelcast)
 * (docs/operations.md "Several servers", docs/security.md "Nodes"). Off by default: a single server starts with no
 * data grid at all. On, the grid binds only to {@code cluster.interface}, finds its members at the listed
 * addresses (or by multicast on that interface when none are listed), and admits only members started with the same
 * name and password.
 *
 * <p>Off, Payara Micro is started with {@code --nohazelcast}, never {@code --nocluster}: with {@code --nocluster} it
 * still starts a Hazelcast member that listens on port 6900 of every interface, and {@code --nocluster} takes
 * precedence over {@code --nohazelcast} when both are given (docs/security.md N1).
 *
 * <p>Hazelcast's open-source edition carries no member credentials, only a cluster name that must match; the name
 * Payara Micro is given is therefore the configured name followed by an HMAC-SHA256 of it under the password
 * ({@link #gridName()}), so a member started with another password asks to join a different cluster and is refused.
 * The grid's traffic is not encrypted: it belongs on a private network, which is why the interface is required.
 *
 * <p>Read twice with the same rules: by the {@link Launcher}, from system properties and environment variables, to
 * make Payara Micro's options before the application exists, and by {@code ServerConfig} over MicroProfile Config.
 */
public final class ClusterSettings {

    /** Payara Micro's first data grid port; members of one host take the next ports free. */
    public static final int DEFAULT_PORT = 6900;

    static final int MIN_PASSWORD_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern INTERFACE = Pattern.compile("[0-9*.\\-]+|[0-9a-fA-F:*]+");
    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5}(-[0-9]{1,5})?)?");

    private static final ClusterSettings OFF = new ClusterSettings(false, "lscb", null, null, List.of(), DEFAULT_PORT);

    private final boolean enabled;
    private final String name;
    private final String password;
    private final String bindInterface;
    private final List<String> members;
    private final int port;

    private ClusterSettings(
            boolean enabled, String name, String password, String bindInterface, List<String> members, int port) {
        this.enabled = enabled;
        this.name = name;
        this.password = password;
        this.bindInterface = bindInterface;
        this.members = members;
        this.port = port;
    }

    /**
     * Reads {@code cluster}, {@code cluster.name}, {@code cluster.password}, {@code cluster.interface},
     * {@code cluster.members} and {@code cluster.port} through {@code setting}; a wrong or missing value is refused
     * with an {@link IllegalStateException} naming the setting and its environment variable.
     */
    public static ClusterSettings read(Function<String, Optional<String>> setting) {
        String on = text(setting, "cluster");
        if (on.isEmpty() || on.equalsIgnoreCase("false")) {
            return OFF;
        }
        if (!on.equalsIgnoreCase("true")) {
            throw new IllegalStateException("cluster (CLUSTER) must be true or false, not " + on);
        }
        String name = text(setting, "cluster.name");
        if (name.isEmpty()) {
            name = OFF.name;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(
                    "cluster.name (CLUSTER_NAME) must be 1 to 64 letters, digits, '.', '_'" + " or '-', not " + name);
        }
        String password = setting.apply("cluster.password").orElse("");
        if (password.strip().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("cluster.password (CLUSTER_PASSWORD) is required when CLUSTER is true"
                    + " and must be at least " + MIN_PASSWORD_LENGTH + " characters: every node of the service is"
                    + " started with the same one, and a node with another is not admitted");
        }
        String bindInterface = text(setting, "cluster.interface");
        if (bindInterface.isEmpty() || !INTERFACE.matcher(bindInterface).matches()) {
            throw new IllegalStateException("cluster.interface (CLUSTER_INTERFACE) is required when CLUSTER is true:"
                    + " the one address the data grid binds to, such as 10.0.1.5 or 10.0.1.*, not '"
                    + bindInterface + "'");
        }
        List<String> members = new ArrayList<>();
        for (String m : text(setting, "cluster.members").split(",")) {
            String member = m.strip();
            if (member.isEmpty()) {
                continue;
            }
            if (!MEMBER.matcher(member).matches()) {
                throw new IllegalStateException("cluster.members (CLUSTER_MEMBERS) must be host or host:port or"
                        + " host:first-last, comma-separated, not " + member);
            }
            members.addAll(expanded(member));
        }
        String portText = text(setting, "cluster.port");
        int port = DEFAULT_PORT;
        if (!portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalStateException("cluster.port (CLUSTER_PORT) must be a port number, not " + portText);
            }
        }
        return new ClusterSettings(true, name, password.strip(), bindInterface, List.copyOf(members), port);
    }

    /** The most ports one {@code host:first-last} entry may name. */
    private static final int MAX_PORT_RANGE = 64;

    /**
     * One member entry as Hazelcast takes it: {@code host:first-last} becomes one {@code host:port} per port, since
     * Payara Micro hands the list to Hazelcast's TCP/IP join, which reads each port as a number.
     */
    private static List<String> expanded(String member) {
        int colon = member.indexOf(':');
        int dash = member.indexOf('-', Math.max(colon, 0));
        if (colon < 0) {
            return List.of(member);
        }
        String host = member.substring(0, colon);
        int first = portOf(member, member.substring(colon + 1, dash < 0 ? member.length() : dash));
        int last = dash < 0 ? first : portOf(member, member.substring(dash + 1));
        if (last < first || last - first >= MAX_PORT_RANGE) {
            throw new IllegalStateException("cluster.members (CLUSTER_MEMBERS) " + member
                    + " must name a range of 1 to " + MAX_PORT_RANGE + " ports, first to last");
        }
        List<String> each = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            each.add(host + ":" + p);
        }
        return each;
    }

    private static int portOf(String member, String digits) {
        int port = Integer.parseInt(digits); // at most five digits, by MEMBER
        if (port < 1 || port > 65535) {
            throw new IllegalStateException(
                    "cluster.members (CLUSTER_MEMBERS) " + member + " names a port outside 1 to 65535");
        }
        return port;
    }

    /** The settings from system properties ({@code -Dcluster.name=...}) and environment variables. */
    static ClusterSettings fromEnvironment() {
        return read(key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(
                        key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_')))));
    }

    public boolean enabled() {
        return enabled;
    }

    public String name() {
        return name;
    }

    public Optional<String> bindInterface() {
        return Optional.ofNullable(bindInterface);
    }

    public List<String> members() {
        return members;
    }

    public int port() {
        return port;
    }

    /**
     * The cluster name Payara Micro's grid is given: the configured name and an HMAC-SHA256 of it under the password,
     * so only members that know the password ask to join the same cluster.
     */
    String gridName() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(("lscb-cluster:" + name).getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(tag, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Payara Micro's own options for the grid, which the CLUSTER_* settings set and the command line may not. */
    static final List<String> GRID_OPTIONS = List.of(
            "--nocluster",
            "--nohazelcast",
            "--clustername",
            "--clustermode",
            "--interfaces",
            "--startport",
            "--hzconfigfile");

    /**
     * The system properties the grid needs before Payara Micro starts: with the grid on, Hazelcast is told not to
     * listen on every address (it otherwise does, whatever interface it is given; docs/security.md N2).
     */
    Map<String, String> systemProperties() {
        return enabled ? Map.of("hazelcast.socket.bind.any", "false") : Map.of();
    }

    /**
     * Payara Micro's whole command line: the options given, with those these settings need. Off, a given
     * {@code --nocluster} is taken to mean what it says and replaced by {@code --nohazelcast}, so no grid port opens.
     */
    List<String> payaraArgs(List<String> given) {
        if (!enabled) {
            List<String> args = new ArrayList<>(given);
            args.removeIf("--nocluster"::equalsIgnoreCase);
            if (args.stream().noneMatch("--nohazelcast"::equalsIgnoreCase)) {
                args.add("--nohazelcast");
            }
            return args;
        }
        for (String arg : given) {
            if (GRID_OPTIONS.stream().anyMatch(arg::equalsIgnoreCase)) {
                throw new IllegalStateException("with CLUSTER true the data grid is set from the CLUSTER_* settings;"
                        + " remove " + arg + " from the command line");
            }
        }
        List<String> args = new ArrayList<>(given);
        args.addAll(List.of(
                "--clustername", gridName(), "--interfaces", bindInterface, "--startport", Integer.toString(port)));
        if (!members.isEmpty()) {
            args.addAll(List.of("--clustermode", "tcpip:" + String.join(",", members)));
        }
        return args;
    }

    private static String text(Function<String, Optional<String>> setting, String key) {
        return setting.apply(key).map(String::strip).orElse("");
    }

    /** Never the password. */
    @Override
    public String toString() {
        return enabled
                ? "cluster " + name + " on " + bindInterface + ":" + port
                        + (members.isEmpty() ? " (multicast)" : " members " + members)
                : "no cluster";
    }
}
