package org.verdant.accounts;

import org.verdant.archive.ArchiveException;
import org.verdant.archive.ArchiveLocation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The SQL plumbing the accounts' and the drafts' tables share: a connection per call, one
 * statement or one transaction on it, and a database failure as an {@link ArchiveException}
 * naming the tables and the archive.
 */
final class Tables {
    interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final ArchiveLocation location;
    private final String whatZh;
    private final String what;
    /** SQLite only: foreign keys on and writers taking the lock when they begin (the access log's chain reads its last row and appends in one lock). */
    private final boolean writerLock;

    Tables(ArchiveLocation location, String whatZh, String what, boolean writerLock) {
        this.location = location;
        this.whatZh = whatZh;
        this.what = what;
        this.writerLock = writerLock;
    }

    <T> T query(String sql, Statement<T> s) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            return s.run(ps);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    <T> T transaction(Work<T> w) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T t = w.run(c);
                c.commit();
                return t;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private ArchiveException failed(SQLException e) {
        return new ArchiveException(whatZh + "（" + location.describe() + "）：" + e.getMessage(), what + " (" + location.describe() + "): " + e.getMessage(), e);
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        if (location.user() != null) p.setProperty("user", location.user());
        if (location.password() != null) p.setProperty("password", location.password());
        if (location.url().startsWith("jdbc:sqlite:")) {
            p.setProperty("busy_timeout", "30000");
            if (writerLock) {
                p.setProperty("foreign_keys", "true");
                p.setProperty("transaction_mode", "IMMEDIATE");
            }
        }
        return DriverManager.getConnection(location.url(), p);
    }
}
