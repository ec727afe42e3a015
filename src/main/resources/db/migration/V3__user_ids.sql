-- Whose playlists and DJ sessions these are, so DELETE /api/users/{id} can remove all of a listener's data.
ALTER TABLE playlist_versions ADD COLUMN user_id VARCHAR(100);
ALTER TABLE dj_sessions ADD COLUMN user_id VARCHAR(100);
CREATE INDEX playlist_versions_user ON playlist_versions (user_id);
CREATE INDEX dj_sessions_user ON dj_sessions (user_id);
