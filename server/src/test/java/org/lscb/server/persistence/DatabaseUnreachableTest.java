package org.lscb.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.lscb.server.error.ApiError;
import org.lscb.server.error.ErrorResponses;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * docs/api.md "Errors", database_unavailable: each way a database that cannot be reached surfaces, as deep as JPA and
 * EclipseLink wrap it, is one 503 with Retry-After; a database that answered with a refusal is not.
 */
class DatabaseUnreachableTest {

    @Test
    void aPoolThatCannotConnect_wrappedAsJpaWrapsIt_isA503WithRetryAfter() throws Exception {
        SQLException timeout = poolTimeoutToNowhere();

        Throwable asJpaSeesIt = new PersistenceException(DatabaseException.sqlException(timeout, true));
        Response answer = ErrorResponses.toResponse(asJpaSeesIt);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
        ApiError error = (ApiError) answer.getEntity();
        assertThat(error.error()).isEqualTo("database_unavailable");
        assertThat(error.details()).containsEntry("retryAfterSeconds", 5L);
    }

    @Test
    void postgresConnectionFailures_andShutdowns_areUnreachable() {
        assertThat(DatabaseUnreachable.causes(new PSQLException(
                        "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))
                .isTrue();
        assertThat(DatabaseUnreachable.causes(
                        new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
                .isTrue();
        assertThat(DatabaseUnreachable.causes(new PersistenceException(DatabaseException.sqlException(
                        new SQLException("terminating connection due to administrator command", "57P01"), false))))
                .isTrue();
        assertThat(DatabaseUnreachable.causes(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aConnectionSeveredUnderAStatement_isUnreachable() {
        SQLException h2 = new SQLException("IO Exception: \"java.io.EOFException\"", "90028", new EOFException());

        assertThat(DatabaseUnreachable.causes(new PersistenceException(DatabaseException.sqlException(h2, false))))
                .isTrue();
        assertThat(DatabaseUnreachable.causes(new java.io.UncheckedIOException(new EOFException())))
                .as("an I/O failure with no database under it is someone else's")
                .isFalse();
    }

    @Test
    void aConnectTimeoutToTheDatabase_isTheServersOutage_notASlowClient() {
        PSQLException connect = new PSQLException(
                "The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new SocketTimeoutException("Connect timed out"));

        assertThat(ErrorResponses.toResponse(new PersistenceException(connect)).getStatus())
                .isEqualTo(503);
    }

    @Test
    void aDatabaseThatAnsweredWithARefusal_isNotUnreachable() {
        assertThat(DatabaseUnreachable.causes(new PersistenceException(DatabaseException.sqlException(
                        new SQLIntegrityConstraintViolationException("duplicate key", "23505"), false))))
                .isFalse();
        assertThat(DatabaseUnreachable.causes(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseUnreachable.causes(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnreachable.causes(new IllegalStateException("not a database failure")))
                .isFalse();
        assertThat(ErrorResponses.toResponse(new PersistenceException(new SQLException("syntax error", "42601")))
                        .getStatus())
                .isEqualTo(500);
    }

    /** What HikariCP throws when no connection can be made: a real pool pointed at a port that nothing listens on. */
    private static SQLException poolTimeoutToNowhere() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere");
        config.setUsername("nobody");
        config.setConnectionTimeout(500);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException thrown = catchThrowableOfType(
                    SQLException.class, () -> pool.getConnection().close());
            assertThat((Throwable) thrown)
                    .isInstanceOf(java.sql.SQLTransientConnectionException.class)
                    .hasCauseInstanceOf(PSQLException.class);
            return thrown;
        }
    }
}
