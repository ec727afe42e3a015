package dev.segue.playlist;

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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Playlist versions in the database (H2 in a file under the data dir by default; any JDBC database by
 * configuration). Each version is one row holding the playlist and its spec as JSON; (id, version) is the key, so
 * two concurrent refinements of the same version cannot both land.
 */
@ApplicationScoped
public class PlaylistRepository {

    /** A stored version: the playlist as returned, and the settings the next version starts from. */
    public record Stored(Playlist playlist, PlaylistSpec spec) {}

    /** Thrown when a version with that number already exists (a concurrent change won). */
    public static final class VersionConflict extends RuntimeException {
        VersionConflict(String id, int version) {
            super("playlist " + id + " version " + version + " was written concurrently", null, false, false);
        }
    }

    private final DataSource dataSource;
    private final ObjectMapper json;

    PlaylistRepository(Database database, ObjectMapper json) {
        this.dataSource = database.dataSource();
        this.json = StrictJson.lenient(json);
    }

    public void insert(Playlist playlist, PlaylistSpec spec) {
        String sql =
                "INSERT INTO playlist_versions (playlist_id, version, created_at, playlist_json, spec_json, user_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, playlist.id());
            ps.setInt(2, playlist.version());
            ps.setTimestamp(3, Timestamp.from(playlist.createdAt()));
            ps.setString(4, json.writeValueAsString(playlist));
            ps.setString(5, json.writeValueAsString(spec));
            ps.setString(6, spec.userId());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new VersionConflict(playlist.id(), playlist.version());
            }
            throw new IllegalStateException("cannot store playlist " + playlist.id(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise playlist " + playlist.id(), e);
        }
    }

    /** The given version, or the latest when {@code version} is null. */
    public Optional<Stored> find(String id, Integer version) {
        String sql = version == null
                ? "SELECT playlist_json, spec_json FROM playlist_versions WHERE playlist_id = ? ORDER BY version DESC LIMIT 1"
                : "SELECT playlist_json, spec_json FROM playlist_versions WHERE playlist_id = ? AND version = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            if (version != null) {
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(
                        json.readValue(rs.getString(1), Playlist.class),
                        json.readValue(rs.getString(2), PlaylistSpec.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read playlist " + id, e);
        }
    }

    /** Deletes every version of every playlist of this listener; returns how many playlists went. */
    public int deleteByUser(String userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT COUNT(DISTINCT playlist_id) FROM playlist_versions WHERE user_id = ?");
                PreparedStatement delete = c.prepareStatement("DELETE FROM playlist_versions WHERE user_id = ?")) {
            count.setString(1, userId);
            int playlists;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                playlists = rs.getInt(1);
            }
            delete.setString(1, userId);
            delete.executeUpdate();
            return playlists;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete a listener's playlists", e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT playlist_id) FROM playlist_versions");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count playlists", e);
        }
    }
}
