package dev.segue.profile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Listening events and the opt-out flag in the database; each listener keeps at most {@code maxEvents} events. */
final class ProfileStore {

    private final DataSource dataSource;
    private final int maxEvents;

    ProfileStore(DataSource dataSource, int maxEvents) {
        this.dataSource = dataSource;
        this.maxEvents = maxEvents;
    }

    void add(String userId, List<ListeningEvent> events) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long next;
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM listening_events WHERE user_id = ?")) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        next = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO listening_events (user_id, track_id, type, at, seq) VALUES (?, ?, ?, ?, ?)")) {
                    for (ListeningEvent e : events) {
                        ps.setString(1, userId);
                        ps.setString(2, e.trackId());
                        ps.setString(3, e.type().name());
                        ps.setTimestamp(4, Timestamp.from(e.at()));
                        ps.setLong(5, ++next);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM listening_events WHERE user_id = ? AND seq <= ?")) {
                    ps.setString(1, userId);
                    ps.setLong(2, next - maxEvents);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store listening events", e);
        }
    }

    List<ListeningEvent> events(String userId) {
        List<ListeningEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT track_id, type, at FROM listening_events WHERE user_id = ? ORDER BY seq")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ListeningEvent(
                            rs.getString(1),
                            ListeningEvent.Type.valueOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read listening events", e);
        }
        return out;
    }

    boolean optedOut(String userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT opted_out FROM listener_settings WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read listener settings", e);
        }
    }

    void setOptedOut(String userId, boolean optedOut) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement up =
                    c.prepareStatement("UPDATE listener_settings SET opted_out = ? WHERE user_id = ?")) {
                up.setBoolean(1, optedOut);
                up.setString(2, userId);
                if (up.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement in =
                    c.prepareStatement("INSERT INTO listener_settings (user_id, opted_out) VALUES (?, ?)")) {
                in.setString(1, userId);
                in.setBoolean(2, optedOut);
                in.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store listener settings", e);
        }
    }

    int delete(String userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement events = c.prepareStatement("DELETE FROM listening_events WHERE user_id = ?");
                PreparedStatement settings = c.prepareStatement("DELETE FROM listener_settings WHERE user_id = ?")) {
            events.setString(1, userId);
            int n = events.executeUpdate();
            settings.setString(1, userId);
            settings.executeUpdate();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete a listener's history", e);
        }
    }
}
