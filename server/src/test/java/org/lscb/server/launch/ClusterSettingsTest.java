package org.lscb.server.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static ClusterSettings read(Map<String, String> settings) {
        return ClusterSettings.read(k -> Optional.ofNullable(settings.get(k)));
    }

    private static Map<String, String> on() {
        Map<String, String> s = new HashMap<>();
        s.put("cluster", "true");
        s.put("cluster.password", PASSWORD);
        s.put("cluster.interface", "127.0.0.1");
        return s;
    }

    /**
     * docs/security.md N1: Payara Micro's {@code --nocluster} still starts a Hazelcast member listening on every
     * interface, and wins over {@code --nohazelcast}; off, Payara is given {@code --nohazelcast} alone, once.
     */
    @Test
    void unset_isNoDataGridAtAll_evenWhenTheCommandLineSaysNocluster() {
        ClusterSettings off = read(Map.of());

        assertThat(off.enabled()).isFalse();
        assertThat(off.payaraArgs(List.of("--port", "8080"))).containsExactly("--port", "8080", "--nohazelcast");
        assertThat(off.payaraArgs(List.of("--NOCLUSTER", "--port", "8080")))
                .containsExactly("--port", "8080", "--nohazelcast");
        assertThat(off.payaraArgs(List.of("--nohazelcast"))).containsExactly("--nohazelcast");
    }

    @Test
    void clusterWithoutPassword_isRefusedNamingTheSetting() {
        Map<String, String> s = on();
        s.remove("cluster.password");

        assertThatThrownBy(() -> read(s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLUSTER_PASSWORD");
        s.put("cluster.password", "short");
        assertThatThrownBy(() -> read(s)).hasMessageContaining("at least 16 characters");
    }

    @Test
    void clusterWithoutInterface_isRefused() {
        Map<String, String> s = on();
        s.remove("cluster.interface");

        assertThatThrownBy(() -> read(s)).hasMessageContaining("CLUSTER_INTERFACE");
    }

    @Test
    void badValues_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> read(Map.of("cluster", "yes")))
                .hasMessageContaining("(CLUSTER) must be true or false");
        Map<String, String> port = on();
        port.put("cluster.port", "70000");
        assertThatThrownBy(() -> read(port)).hasMessageContaining("CLUSTER_PORT");
        Map<String, String> members = on();
        members.put("cluster.members", "10.0.0.1, bad host");
        assertThatThrownBy(() -> read(members)).hasMessageContaining("CLUSTER_MEMBERS");
        for (String bad : List.of("10.0.0.1:6902-6900", "10.0.0.1:0", "10.0.0.1:70000", "10.0.0.1:1000-2000")) {
            Map<String, String> wrong = on();
            wrong.put("cluster.members", bad);
            assertThatThrownBy(() -> read(wrong)).as(bad).hasMessageContaining("CLUSTER_MEMBERS");
        }
    }

    @Test
    void on_bindsTheGridToTheInterface_andListsTheMembers() {
        Map<String, String> s = on();
        s.put("cluster.name", "north-west");
        s.put("cluster.members", "10.0.1.5, 10.0.1.6:6900-6902");
        s.put("cluster.port", "7000");
        ClusterSettings c = read(s);

        List<String> args = c.payaraArgs(List.of("--port", "8080"));
        assertThat(args)
                .startsWith("--port", "8080")
                .containsSubsequence("--interfaces", "127.0.0.1")
                .containsSubsequence("--startport", "7000")
                .containsSubsequence("--clustermode", "tcpip:10.0.1.5,10.0.1.6:6900,10.0.1.6:6901,10.0.1.6:6902")
                .doesNotContain("--nocluster", "--nohazelcast");
        assertThat(args.get(args.indexOf("--clustername") + 1)).startsWith("north-west-");
    }

    @Test
    void gridName_dependsOnThePassword_andNeverShowsIt() {
        ClusterSettings one = read(on());
        Map<String, String> other = on();
        other.put("cluster.password", "another password of the service");

        assertThat(one.gridName()).isEqualTo(read(on()).gridName());
        assertThat(one.gridName()).isNotEqualTo(read(other).gridName());
        assertThat(one.gridName() + one).doesNotContain(PASSWORD);
    }

    @Test
    void on_refusesPayarasOwnClusterOptionsBesideIt() {
        ClusterSettings c = read(on());

        assertThatThrownBy(() -> c.payaraArgs(List.of("--nocluster"))).hasMessageContaining("--nocluster");
        assertThatThrownBy(() -> c.payaraArgs(List.of("--clustermode", "multicast:1.2.3.4:5")))
                .hasMessageContaining("--clustermode");
        for (String option :
                List.of("--nohazelcast", "--clustername", "--interfaces", "--startport", "--hzconfigfile")) {
            assertThatThrownBy(() -> c.payaraArgs(List.of(option.toUpperCase(java.util.Locale.ROOT), "x")))
                    .as(option)
                    .hasMessageContaining(option.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** docs/security.md N2: the grid listens on its interface only, never on every address. */
    @Test
    void on_tellsHazelcastNotToListenOnEveryAddress_offSetsNothing() {
        assertThat(read(on()).systemProperties()).containsEntry("hazelcast.socket.bind.any", "false");
        assertThat(read(Map.of()).systemProperties()).isEmpty();
    }
}
