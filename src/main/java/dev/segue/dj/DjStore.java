package dev.segue.dj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.config.Database;
import dev.segue.config.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** DJ sessions and their segments in the playlist database, so a session survives a restart. */
@ApplicationScoped
class DjStore {

    private final DataSource dataSource;
    private final ObjectMapper json;

    DjStore(Database database, ObjectMapper json) {
        this.dataSource = database.dataSource();
        this.json = StrictJson.lenient(json);
    }

    void save(DjState state) {
        String update = "UPDATE dj_sessions SET updated_at = ?, state_json = ? WHERE session_id = ?";
        String insert =
                "INSERT INTO dj_sessions (session_id, created_at, updated_at, state_json, user_id) VALUES (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            String body = json.writeValueAsString(state);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setTimestamp(1, now);
                ps.setString(2, body);
                ps.setString(3, state.id());
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, state.id());
                ps.setTimestamp(2, Timestamp.from(state.createdAt()));
                ps.setTimestamp(3, now);
                ps.setString(4, body);
                ps.setString(5, state.session().userId());
                ps.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store DJ session " + state.id(), e);
        }
    }

    Optional<DjState> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state_json FROM dj_sessions WHERE session_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(json.readValue(rs.getString(1), DjState.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read DJ session " + id, e);
        }
    }

    /** Stores a segment and the state that produced it in one transaction. */
    void append(DjState state, DjSegment segment) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO dj_segments (session_id, seq, created_at, segment_json) VALUES (?, ?, ?, ?)");
                    PreparedStatement up = c.prepareStatement(
                            "UPDATE dj_sessions SET updated_at = ?, state_json = ? WHERE session_id = ?")) {
                ps.setString(1, state.id());
                ps.setInt(2, segment.segment());
                ps.setTimestamp(3, Timestamp.from(segment.createdAt()));
                ps.setString(4, json.writeValueAsString(segment));
                ps.executeUpdate();
                up.setTimestamp(1, Timestamp.from(Instant.now()));
                up.setString(2, json.writeValueAsString(state));
                up.setString(3, state.id());
                up.executeUpdate();
                c.commit();
            } catch (SQLException | JsonProcessingException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store a segment of DJ session " + state.id(), e);
        }
    }

    /** Segments after {@code afterSeq}, in order (for SSE replay). */
    List<DjSegment> segmentsAfter(String id, int afterSeq) {
        List<DjSegment> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT segment_json FROM dj_segments WHERE session_id = ? AND seq > ? ORDER BY seq")) {
            ps.setString(1, id);
            ps.setInt(2, afterSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(json.readValue(rs.getString(1), DjSegment.class));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read segments of DJ session " + id, e);
        }
        return out;
    }

    /** The session's latest segment, if it has one (for pacing). */
    Optional<DjSegment> latestSegment(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT segment_json FROM dj_segments WHERE session_id = ?"
                        + " ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(json.readValue(rs.getString(1), DjSegment.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read segments of DJ session " + id, e);
        }
    }

    boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement segments = c.prepareStatement("DELETE FROM dj_segments WHERE session_id = ?");
                PreparedStatement session = c.prepareStatement("DELETE FROM dj_sessions WHERE session_id = ?")) {
            segments.setString(1, id);
            segments.executeUpdate();
            session.setString(1, id);
            return session.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete DJ session " + id, e);
        }
    }

    /** Ids of this listener's sessions. */
    List<String> sessionsOf(String userId) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT session_id FROM dj_sessions WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list a listener's DJ sessions", e);
        }
        return out;
    }

    /** Ids of sessions untouched since {@code before}. */
    List<String> idleSince(Instant before) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT session_id FROM dj_sessions WHERE updated_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list idle DJ sessions", e);
        }
        return out;
    }
}
