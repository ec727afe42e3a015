package dev.segue.config;

import javax.sql.DataSource;

/** The database playlists, DJ sessions and listener histories live in: whichever datasource is active. */
public record Database(DataSource dataSource) {}
