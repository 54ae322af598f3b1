package org.lscb.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void demoOption_isOursAndNotPassedToPayara() {
        Launcher.LaunchOptions o =
                Launcher.LaunchOptions.parse(new String[] {"--demo", "--port", "9090", "--nocluster"}, null);

        assertThat(o.demo()).isTrue();
        assertThat(o.port()).isEqualTo(9090);
        assertThat(o.payaraArgs()).containsExactly("--port", "9090", "--nocluster");
    }

    @Test
    void demoEnvironmentVariable_turnsDemoOn() {
        assertThat(Launcher.LaunchOptions.parse(new String[0], "true").demo()).isTrue();
        assertThat(Launcher.LaunchOptions.parse(new String[0], null).demo()).isFalse();
        assertThat(Launcher.LaunchOptions.parse(new String[0], null).port()).isEqualTo(8080);
    }
}
