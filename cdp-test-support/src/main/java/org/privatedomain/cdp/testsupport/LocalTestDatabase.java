package org.privatedomain.cdp.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A database of its own on an existing PostgreSQL server, for one test context.
 * <p>
 * {@code CDP_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) names a database on the
 * server to connect to for creating and dropping; {@code CDP_TEST_DB_USER} (default {@code postgres}) and
 * {@code CDP_TEST_DB_PASSWORD} (default empty) log in, and need the right to create databases. Databases are
 * named {@code cdp_test_<epoch seconds>_<random>}; ones older than a day, left by a killed run, are dropped
 * when the next one is made.
 */
public final class LocalTestDatabase implements JdbcConnectionDetails {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");
    private static final Pattern TEST_DATABASE = Pattern.compile("cdp_test_(\\d+)_[0-9a-f]+");
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private LocalTestDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    static LocalTestDatabase create(Map<String, String> environment) {
        String serverUrl = environment.getOrDefault("CDP_TEST_DB_URL", DEFAULT_URL);
        if (!URL.matcher(serverUrl).matches()) {
            throw new IllegalArgumentException(
                    "CDP_TEST_DB_URL must look like jdbc:postgresql://host:port/database, not " + serverUrl);
        }
        String name = "cdp_test_" + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        LocalTestDatabase database = new LocalTestDatabase(serverUrl,
                environment.getOrDefault("CDP_TEST_DB_USER", "postgres"),
                environment.getOrDefault("CDP_TEST_DB_PASSWORD", ""), name);
        database.dropAbandoned();
        database.execute("create database " + name);
        return database;
    }

    @Override
    public String getUsername() {
        return user;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getJdbcUrl() {
        Matcher url = URL.matcher(serverUrl);
        url.matches();
        return url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
    }

    void drop() {
        execute("drop database if exists " + name + " with (force)");
    }

    private void dropAbandoned() {
        List<String> abandoned = new ArrayList<>();
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("select datname from pg_database")) {
            while (names.next()) {
                Matcher test = TEST_DATABASE.matcher(names.getString(1));
                if (test.matches() && Long.parseLong(test.group(1)) < cutoff) {
                    abandoned.add(test.group());
                }
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        abandoned.forEach(old -> execute("drop database if exists " + old + " with (force)"));
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    private IllegalStateException unreachable(SQLException cause) {
        return new IllegalStateException("No Docker engine, and the PostgreSQL server at " + serverUrl + " (user "
                + user + ") refused: " + cause.getMessage()
                + ". Start PostgreSQL or set CDP_TEST_DB_URL, CDP_TEST_DB_USER and CDP_TEST_DB_PASSWORD.", cause);
    }
}
