import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes evals/suites/playlists.yaml from the TidyTuesday Spotify songs in ../shared/data/spotify-30k-songs: one case per
 * real playlist, its title as the prompt and its tracks as the reference (the RecSys Challenge 2018 title-only task).
 * JDK only: {@code java evals/scripts/PlaylistsSuite.java [--data DIR] [--max N] [--out FILE]} (or
 * {@code evals/scripts/make-playlists-suite}). Exits 0 without writing when the data is absent.
 */
public class PlaylistsSuite {

    static final String USAGE = """
            usage: evals/scripts/make-playlists-suite [--data DIR] [--max N] [--min-tracks N] [--out FILE]
              --data DIR        the spotify-30k-songs folder (default $SEGUE_SHARED_DATA/spotify-30k-songs, else
                                ../shared/data/spotify-30k-songs)
              --max N           playlists to keep, spread evenly over the six playlist genres (default 120)
              --min-tracks N    skip playlists with fewer tracks (default 10)
              --out FILE        default evals/suites/playlists.yaml
            """;

    // Floors for the suite's gates, set from a measured run (evals/README.md has the numbers); regenerate to change.
    static final String THRESHOLDS = """
            thresholds:
              pass_rate: ">= 1.0"
              r_precision: ">= %s"
              ndcg_at_10: ">= %s"
              recall_at_50: ">= %s"
            """.formatted("0.04", "0.04", "0.03");

    record Playlist(String id, String name, String genre, String subgenre, List<String> trackIds) {
    }

    public static void main(String[] args) throws IOException {
        String shared = System.getenv().getOrDefault("SEGUE_SHARED_DATA", "../shared/data");
        Path data = Path.of(shared, "spotify-30k-songs");
        int max = 120;
        int minTracks = 10;
        Path out = Path.of("evals", "suites", "playlists.yaml");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--max" -> max = Integer.parseInt(args[++i]);
                case "--min-tracks" -> minTracks = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.out.print(USAGE);
                    System.exit(args[i].equals("--help") || args[i].equals("-h") ? 0 : 2);
                }
            }
        }
        Path playlistsCsv = data.resolve("playlists.csv");
        Path tracksCsv = data.resolve("playlist_tracks.csv");
        Path catalogCsv = data.resolve("tracks_unique.csv");
        for (Path p : List.of(playlistsCsv, tracksCsv, catalogCsv)) {
            if (!Files.isRegularFile(p)) {
                System.out.println("playlists suite: " + p + " not found, so " + out + " was not (re)generated; "
                        + "the runner skips the suite while the Spotify catalog is absent. Set SEGUE_SHARED_DATA or --data.");
                return;
            }
        }

        Set<String> catalog = new HashSet<>();
        List<List<String>> catalogRows = readCsv(catalogCsv);
        int idColumn = catalogRows.get(0).indexOf("track_id");
        catalogRows.stream().skip(1).forEach(r -> catalog.add(r.get(idColumn)));

        Map<String, List<String>> tracksByPlaylist = new LinkedHashMap<>();
        List<List<String>> trackRows = readCsv(tracksCsv);
        for (List<String> r : trackRows.subList(1, trackRows.size())) {
            if (catalog.contains(r.get(2))) {
                tracksByPlaylist.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(2));
            }
        }

        Map<String, List<Playlist>> byGenre = new LinkedHashMap<>();
        List<List<String>> playlistRows = readCsv(playlistsCsv);
        for (List<String> r : playlistRows.subList(1, playlistRows.size())) {
            List<String> tracks = tracksByPlaylist.getOrDefault(r.get(0), List.of());
            if (tracks.size() < minTracks || r.get(1).isBlank()) {
                continue;
            }
            String genre = r.get(2).split("\\|")[0];
            byGenre.computeIfAbsent(genre, k -> new ArrayList<>())
                    .add(new Playlist(r.get(0), r.get(1).strip(), genre, r.get(3).split("\\|")[0], tracks));
        }
        // Round-robin over genres, in file order within a genre: every genre is equally represented.
        List<Playlist> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < max; round++) {
            boolean any = false;
            for (List<Playlist> genre : byGenre.values()) {
                if (round < genre.size() && chosen.size() < max) {
                    chosen.add(genre.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }

        StringBuilder yaml = new StringBuilder();
        yaml.append("""
                # GENERATED by evals/scripts/make-playlists-suite from ../shared/data/spotify-30k-songs — do not edit by hand.
                # Data: TidyTuesday "Spotify Songs" (2020-01-21, R for Data Science community, MIT), values from the Spotify
                # Web API (Spotify's developer terms may apply); see NOTICE. Only playlist titles and track ids are kept here.
                #
                # The RecSys Challenge 2018 title-only task: the prompt is a real playlist's title, and the generated playlist is
                # scored against that playlist's tracks with R-precision, NDCG@10 and recall@50 (exact track ids).
                # The service must serve the Spotify catalog: the runner starts one itself with SEGUE_CATALOG_PATH set to the
                # file below; with --target, the target must already serve it, or every variant is skipped.
                suite: playlists
                description: Real Spotify playlist titles as prompts, scored against the real playlists (RecSys 2018 title-only).
                catalog:
                  path: "${SEGUE_SHARED_DATA:-../shared/data}/spotify-30k-songs/tracks_unique.csv"
                  format: spotify
                  name: spotify-30k

                defaults:
                  request: {length: 100}
                  expect:
                    length: {min: 1}
                    no_duplicates: true

                variants:
                  - name: offline
                    options: {planner: offline}
                  - name: offline-no-ranker
                    options: {planner: offline, ranker: none}
                  - name: llm
                    description: the LLM planner (skipped where no LLM is configured)
                    options: {planner: llm}

                """);
        yaml.append(THRESHOLDS).append("\ncases:\n");
        Set<String> ids = new HashSet<>();
        for (Playlist p : chosen) {
            String id = slug(p.name()) + "-" + p.id().substring(Math.max(0, p.id().length() - 6)).toLowerCase(Locale.ROOT);
            if (!ids.add(id)) {
                id = id + "-" + ids.size();
                ids.add(id);
            }
            yaml.append("  - id: ").append(quote(id)).append('\n');
            yaml.append("    labels: [").append(quote(p.genre())).append(", ").append(quote(p.subgenre())).append("]\n");
            yaml.append("    prompt: ").append(quote(p.name())).append('\n');
            yaml.append("    relevant: [");
            for (int i = 0; i < p.trackIds().size(); i++) {
                yaml.append(i == 0 ? "" : ", ").append("\"spotify:").append(p.trackIds().get(i)).append('"');
            }
            yaml.append("]\n");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, yaml.toString(), StandardCharsets.UTF_8);
        int tracks = chosen.stream().mapToInt(p -> p.trackIds().size()).sum();
        System.out.printf("playlists suite: wrote %s: %d playlists (%s), %d reference tracks%n", out, chosen.size(),
                String.join(", ", byGenre.keySet()), tracks);
    }

    /** A YAML double-quoted scalar: everything printable kept, quotes, backslashes and controls escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        s = s.isEmpty() ? "playlist" : s;
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-$", "") : s;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
    static List<List<String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
