package io.sluice.core.bookkeeping;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Plain DriverManager connections for Hibernate. Bookkeeping opens few sessions, so no pool is needed, and Hibernate's
 * own built-in pool would warn on every start that it is not for production.
 */
final class DriverConnectionProvider implements ConnectionProvider {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    DriverConnectionProvider(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("Cannot unwrap a DriverConnectionProvider as " + type.getName());
    }
}
