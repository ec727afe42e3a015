"""Playlists as ordered track sequences, with the content the service has for every track and title.

Reads the Spotify 30k data (playlists.csv, playlist_tracks.csv in position order) and what `./segue
export-training-data` wrote for that catalog: tracks.jsonl (catalog order), track_vectors.f32 (the index's 384-d
vector of each track's tags-only text), track_features.f32 (dev.segue.ranking.RankerFeatures.TRACK) and, with
`--queries titles.jsonl`, prompt_vectors.f32 (each playlist title embedded as the service embeds a listener's prompt).
Nothing here computes a feature: the service computes the same inputs from the same Java code.

Playlists are split with the ranker's `playlist_split` (by normalised title), so the ranker and the sequence model
share one test split; the test split is read only by evaluate.py.
"""
import csv
import json
import os
import sys
from dataclasses import dataclass

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ranker"))
from queries import playlist_split  # noqa: E402  (the ranker's split: one test split for both models)

DIM = 384
MIN_TRACKS = 5  # shorter playlists (or untitled ones) give no continuation to predict, as in the ranker's queries


@dataclass
class Playlist:
    pid: str
    title: str
    split: str            # train | val | test
    tracks: np.ndarray    # [L] catalog positions, in playlist order
    title_vec: np.ndarray  # [384] the title's embedding (the service: TextEmbedder.embed(prompt))


@dataclass
class Catalog:
    ids: list             # track ids, catalog order (= the export's order = Catalog.tracks() in the service)
    artists: np.ndarray   # [T] artist number (same number = same artist, case-insensitive)
    vectors: np.ndarray   # [T, 384] index vectors (tags-only text)
    features: np.ndarray  # [T, F] RankerFeatures.TRACK
    feature_names: list
    manifest: dict

    def inputs(self):
        """[T, 384 + F]: the track encoder's input, exactly what the service would feed it for every track."""
        return np.concatenate([self.vectors, self.features], axis=1).astype(np.float32)


def read_playlists(data):
    """(pid, title, [track ids in position order]) for every playlist with a title, in the file's order."""
    members = {}
    with open(os.path.join(data, "playlist_tracks.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            members.setdefault(row["playlist_id"], []).append((int(row["position"]), "spotify:" + row["track_id"]))
    out = []
    with open(os.path.join(data, "playlists.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            title = row["playlist_name"].strip()
            if title:
                out.append((row["playlist_id"], title, [i for _, i in sorted(members.get(row["playlist_id"], []))]))
    return out


def write_title_queries(data, path):
    """One export request per playlist title (no candidates: only the title's embedding is wanted)."""
    with open(path, "w", encoding="utf-8") as f:
        for pid, title, _ in read_playlists(data):
            f.write(json.dumps({"qid": pid, "prompt": title, "candidates": []}, ensure_ascii=False) + "\n")


def load_catalog(work):
    manifest = json.load(open(os.path.join(work, "manifest.json")))
    tracks = [json.loads(l) for l in open(os.path.join(work, "tracks.jsonl"), encoding="utf-8")]
    t = len(tracks)
    numbers = {}
    artists = np.array([numbers.setdefault(tr["artist"].strip().lower(), len(numbers)) for tr in tracks], np.int64)
    return Catalog([tr["id"] for tr in tracks], artists,
                   np.fromfile(os.path.join(work, "track_vectors.f32"), dtype="<f4").reshape(t, DIM),
                   np.fromfile(os.path.join(work, "track_features.f32"), dtype="<f4").reshape(t, -1),
                   list(manifest["trackFeatures"]), manifest)


def load(data, work):
    """(catalog, [Playlist]) for every playlist with a title and at least MIN_TRACKS catalog tracks."""
    catalog = load_catalog(work)
    position = {tid: i for i, tid in enumerate(catalog.ids)}
    titles = {}
    vectors = np.fromfile(os.path.join(work, "prompt_vectors.f32"), dtype="<f4").reshape(-1, DIM)
    for i, line in enumerate(open(os.path.join(work, "requests.jsonl"), encoding="utf-8")):
        titles[json.loads(line)["qid"]] = vectors[i]
    playlists = []
    for pid, title, ids in read_playlists(data):
        tracks = np.array([position[i] for i in ids if i in position], np.int64)
        if len(tracks) >= MIN_TRACKS and pid in titles:
            playlists.append(Playlist(pid, title, playlist_split(title), tracks, titles[pid]))
    return catalog, playlists


if __name__ == "__main__":
    import argparse
    p = argparse.ArgumentParser(description="writes the title requests for ./segue export-training-data --queries")
    p.add_argument("--spotify-data", default="../shared/data/spotify-30k-songs")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    write_title_queries(a.spotify_data, a.out)
    print(f"wrote {a.out}")
