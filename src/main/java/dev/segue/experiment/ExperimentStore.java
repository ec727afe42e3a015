package dev.segue.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.config.Database;
import dev.segue.config.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Experiments, exposures and outcomes in the database (tables of V5__experiments.sql, V6__exposure_tracks.sql). */
@ApplicationScoped
class ExperimentStore {

    private static final TypeReference<List<Arm>> ARMS = new TypeReference<>() {};
    private static final String COLUMNS =
            "experiment_id, name, description, unit, status, arms_json, created_at, stopped_at";

    private final ObjectMapper json;
    private final Jdbc jdbc;

    ExperimentStore(Database database, ObjectMapper json) {
        this.json = StrictJson.lenient(json);
        this.jdbc = new Jdbc(database.dataSource());
    }

    void insert(Experiment e) {
        jdbc.update(
                "INSERT INTO experiments (experiment_id, name, description, unit, status, arms_json, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.id(),
                e.name(),
                e.description(),
                e.unit(),
                e.status(),
                armsJson(e.arms()),
                Timestamp.from(e.createdAt()));
    }

    void stop(String id, Instant at) {
        jdbc.update(
                "UPDATE experiments SET status = ?, stopped_at = ? WHERE experiment_id = ?",
                Experiment.STOPPED,
                Timestamp.from(at),
                id);
    }

    List<Experiment> all() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM experiments ORDER BY created_at, experiment_id", this::experiment);
    }

    Optional<Experiment> find(String id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM experiments WHERE experiment_id = ?", this::experiment, id)
                .stream()
                .findFirst();
    }

    void expose(List<Exposure> exposures) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batch(
                "INSERT INTO experiment_exposures (" + Jdbc.EXPOSURE + ", at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                exposures.stream()
                        .map(x -> new Object[] {
                            x.experimentId(),
                            x.arm(),
                            x.userId(),
                            x.subjectId(),
                            x.version(),
                            x.kind(),
                            x.latencyMs(),
                            x.llmTokens(),
                            x.fallback(),
                            trackIds(x.trackIds()),
                            now
                        })
                        .toList());
    }

    /** Each experiment (with its arm) something was shown under, and to whom; empty when it never was. */
    List<Exposure> exposuresOf(String subjectId) {
        return jdbc.query(
                "SELECT " + Jdbc.EXPOSURE + " FROM experiment_exposures WHERE subject_id = ? ORDER BY version",
                this::exposure,
                subjectId);
    }

    List<Exposure> exposuresIn(String experimentId) {
        return jdbc.query(
                "SELECT " + Jdbc.EXPOSURE + " FROM experiment_exposures WHERE experiment_id = ?",
                this::exposure,
                experimentId);
    }

    void outcomes(List<Outcome> outcomes) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batch(
                "INSERT INTO experiment_outcomes (user_id, subject_id, type, at) VALUES (?, ?, ?, ?)",
                outcomes.stream()
                        .map(o -> new Object[] {o.userId(), o.subjectId(), o.type(), now})
                        .toList());
    }

    /** The outcomes on everything shown in this experiment. */
    List<Outcome> outcomesIn(String experimentId) {
        return jdbc.query(
                "SELECT user_id, subject_id, type FROM experiment_outcomes WHERE subject_id IN"
                        + " (SELECT subject_id FROM experiment_exposures WHERE experiment_id = ?)",
                rs -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3)),
                experimentId);
    }

    /** Removes a listener's exposures and outcomes; returns how many rows went. */
    int deleteAllOf(String userId) {
        return jdbc.update("DELETE FROM experiment_exposures WHERE user_id = ?", userId)
                + jdbc.update("DELETE FROM experiment_outcomes WHERE user_id = ?", userId);
    }

    private Experiment experiment(ResultSet rs) throws SQLException {
        Timestamp stopped = rs.getTimestamp(8);
        return new Experiment(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                arms(rs.getString(6)),
                rs.getTimestamp(7).toInstant(),
                stopped == null ? null : stopped.toInstant());
    }

    private String armsJson(List<Arm> arms) {
        try {
            return json.writeValueAsString(arms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an experiment's arms", e);
        }
    }

    private List<Arm> arms(String text) {
        try {
            return new ArrayList<>(json.readValue(text, ARMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read an experiment's arms", e);
        }
    }

    private Exposure exposure(ResultSet rs) throws SQLException {
        return new Exposure(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getDouble(7),
                rs.getInt(8),
                rs.getBoolean(9),
                trackIds(rs.getString(10)));
    }

    private String trackIds(List<String> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment store: " + e.getMessage(), e);
        }
    }

    /** Null (a row from before V6) reads as no tracks. */
    private List<String> trackIds(String stored) {
        try {
            return stored == null ? List.of() : List.of(json.readValue(stored, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment store: " + e.getMessage(), e);
        }
    }
}
