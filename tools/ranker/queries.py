"""Synthesises the ranker's training and evaluation requests, with their relevance and split.

Jamendo (demo catalog): requests built from tag combinations (genre x mood x instrument) and phrase templates, graded
relevance = how many of the named facets a track's tags meet. Templates are split train/val/test (a test wording is
never seen in training); artists are split too, in data.py, so test tracks are never trained on.

Spotify 30k: each playlist's title is a request whose relevant tracks are its members; train and validation
playlists also give "context -> next tracks" requests (the first k tracks as seeds). Playlists are split by their
normalised title, so two playlists with the same name never straddle splits; the test split is only read by
evaluate.py.

Each request comes in views, which are what gets scored: "pool" = the offline planner's candidate pool (what the
service re-ranks), "catalog" = every track the split may see (val/test: retrieval-independent), "sample" = a random
slice of the catalog (training: easy negatives beside the pool's hard ones), "top" = the whole catalog's best by
the foundation scorer (Spotify training: hard negatives; validation: a cheap stand-in for the catalog).

Writes WORK/{jamendo,spotify}/queries.jsonl: {"qid", "view", "prompt", "seeds", "expected", "candidates"?, "split",
...}, read by ./segue export-training-data and by data.py. Deterministic.
"""
import argparse
import csv
import hashlib
import itertools
import json
import os
import random
import re

SEED = 20261124

# Compound catalog tags as words: a copy of dev.segue.catalog.Tags.WORDS (decades are not asked for here).
WORDS = {
    "acousticguitar": "acoustic guitar", "electricguitar": "electric guitar", "classicalguitar": "classical guitar",
    "acousticbassguitar": "acoustic bass guitar", "doublebass": "double bass", "drummachine": "drum machine",
    "electricpiano": "electric piano", "pipeorgan": "pipe organ", "easylistening": "easy listening",
    "hiphop": "hip hop", "popfolk": "pop folk", "poprock": "pop rock", "instrumentalpop": "instrumental pop",
    "instrumentalrock": "instrumental rock", "newage": "new age", "darkambient": "dark ambient", "triphop": "trip hop",
    "singersongwriter": "singer songwriter", "punkrock": "punk rock", "synthpop": "synth pop",
    "drumnbass": "drum and bass", "postrock": "post rock", "classicrock": "classic rock", "rocknroll": "rock and roll",
    "hardrock": "hard rock", "newwave": "new wave", "alternativerock": "alternative rock", "bluesrock": "blues rock",
    "eurodance": "euro dance", "bossanova": "bossa nova", "worldfusion": "world fusion", "acidjazz": "acid jazz",
    "deephouse": "deep house", "jazzfusion": "jazz fusion", "chillout": "chill out", "electropop": "electro pop",
    "darkwave": "dark wave", "rnb": "r&b", "idm": "intelligent dance music", "edm": "electronic dance music",
}

# Other ways listeners say a tag (the relevance still comes from the tag itself).
PARAPHRASES = {
    "relaxing": ["chill", "laid-back", "soothing", "relaxed"], "happy": ["cheerful", "joyful", "feel-good"],
    "sad": ["melancholy", "sorrowful", "heartbreak"], "energetic": ["high-energy", "lively", "pumped up"],
    "dark": ["gloomy", "eerie", "ominous"], "calm": ["peaceful", "tranquil", "quiet"],
    "epic": ["heroic", "grand", "cinematic"], "romantic": ["romance", "sensual"], "love": ["love songs", "romantic"],
    "dream": ["dreamy", "ethereal"], "meditative": ["zen", "meditation"], "upbeat": ["bouncy", "peppy"],
    "uplifting": ["inspiring", "feel-good"], "motivational": ["motivating", "pump-up"], "film": ["cinematic", "movie"],
    "children": ["kids"], "christmas": ["xmas", "holiday season"], "soft": ["gentle", "mellow"],
    "melancholic": ["wistful", "bittersweet"], "emotional": ["moving", "heartfelt"], "fun": ["playful", "silly"],
    "electronic": ["electro", "electronica"], "hiphop": ["hip-hop", "rap beats"], "chillout": ["chill-out", "chill"],
    "classical": ["classical music"], "ambient": ["ambient soundscape"], "drumnbass": ["dnb", "drum n bass"],
    "piano": ["keys", "grand piano"], "guitar": ["guitars"], "synthesizer": ["synths", "synth"],
    "drums": ["drumming", "beats"], "violin": ["fiddle"], "strings": ["string section"], "voice": ["vocals", "singing"],
    "saxophone": ["sax"], "acousticguitar": ["unplugged guitar"], "electricguitar": ["electric guitars"],
    "orchestral": ["orchestra"], "newage": ["new-age"], "lounge": ["cocktail lounge"], "rock": ["rock music"],
}

ACTIVITIES_FOR = ["studying", "working late", "a road trip", "a dinner party", "the gym", "cooking", "a rainy day",
                  "reading", "a long walk", "cleaning the house", "sunday morning", "a night drive"]
ACTIVITIES_WHILE = ["studying", "working", "driving", "cooking", "reading", "running", "relaxing at home",
                    "doing the dishes", "coding", "winding down"]

# id -> (facets, wording). Facets: g genre, m mood/theme, i instrument. Split by template id (SPLIT_OF_TEMPLATE).
TEMPLATES = {
    "g1": ("g", "{g}"), "g2": ("g", "{g} music"), "g3": ("g", "some {g} please"), "g4": ("g", "play me {g} songs"),
    "g5": ("g", "i'm in the mood for {g}"), "g6": ("g", "best {g} tracks"),
    "m1": ("m", "{m} music"), "m2": ("m", "something {m}"), "m3": ("m", "songs that feel {m}"),
    "m4": ("m", "a {m} playlist"), "m5": ("m", "{m} vibes only"),
    "mg1": ("mg", "{m} {g}"), "mg2": ("mg", "{m} {g} music"), "mg3": ("mg", "{g} that sounds {m}"),
    "mg4": ("mg", "give me some {m} {g} for {af}"), "mg5": ("mg", "i want {g}, something {m}"),
    "mg6": ("mg", "{m} {g} songs to listen to while {aw}"),
    "gi1": ("gi", "{g} with {i}"), "gi2": ("gi", "{i} {g}"), "gi3": ("gi", "{g} music featuring {i}"),
    "gi4": ("gi", "{g} tracks where the {i} leads"),
    "mi1": ("mi", "{m} {i} music"), "mi2": ("mi", "{m} songs with {i}"), "mi3": ("mi", "{i} pieces that feel {m}"),
    "mi4": ("mi", "something {m} played on {i}"),
    "mgi1": ("mgi", "{m} {g} with {i}"), "mgi2": ("mgi", "{m} {i} {g}"),
    "mgi3": ("mgi", "a {m} {g} playlist with lots of {i}"), "mgi4": ("mgi", "{g} with {i}, {m} mood, for {af}"),
    "mgi5": ("mgi", "i need {m} {g} music, {i} please"),
}
SPLIT_OF_TEMPLATE = {t: "train" for t in TEMPLATES}
SPLIT_OF_TEMPLATE.update({"g4": "val", "m4": "val", "mg6": "val", "gi3": "val", "mi3": "val", "mgi4": "val",
                          "g5": "test", "m5": "test", "mg5": "test", "gi4": "test", "mi4": "test", "mgi5": "test"})
REQUESTS_PER_SPLIT = {"train": 3000, "val": 400, "test": 700}
MIN_TAG_TRACKS = 25      # a tag must be this common to be asked for
MIN_COMBO_TRACKS = 8     # and a combination must have this many tracks meeting all of it
# Playlist lengths the planner is asked for (its pool grows with them): the ranker must work for short and long lists.
EXPECTED_SIZES = (20, 40, 100)
TRAIN_SAMPLE = 400       # random tracks of training artists per Jamendo training request (beside its planner pool)
TRAIN_SAMPLE_SPOTIFY = 1000
VAL_TOP = 3000


def bucket(key, salt, shares):
    """A stable split from a hash: shares like (("train", .7), ("val", .15), ("test", .15))."""
    h = int(hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()[:12], 16) / float(1 << 48)
    acc = 0.0
    for name, share in shares:
        acc += share
        if h < acc:
            return name
    return shares[-1][0]


def surface(tag, rng):
    forms = [WORDS.get(tag, tag)] + PARAPHRASES.get(tag, [])
    return forms[0] if rng.random() < 0.5 else rng.choice(forms)


def jamendo(work):
    tracks = [json.loads(l) for l in open(os.path.join(work, "tracks.jsonl"), encoding="utf-8")]
    facet_key = {"g": "genres", "m": "moods", "i": "instruments"}
    counts = {f: {} for f in facet_key}
    for t in tracks:
        for f, key in facet_key.items():
            for tag in t[key]:
                counts[f][tag] = counts[f].get(tag, 0) + 1
    common = {f: {tag for tag, n in c.items() if n >= MIN_TAG_TRACKS and not re.match(r"\d0s$", tag)}
              for f, c in counts.items()}
    # Every combination of common tags that enough tracks meet, by facet signature ("g", "mg", "mgi", ...).
    combos = {}
    for t in tracks:
        tags = {f: sorted(set(t[key]) & common[f]) for f, key in facet_key.items()}
        for signature in {facets for facets, _ in TEMPLATES.values()}:
            for chosen in itertools.product(*(tags[f] for f in signature)):
                key = tuple(zip(signature, chosen))
                combos.setdefault(signature, {}).setdefault(key, 0)
                combos[signature][key] += 1
    combos = {sig: sorted(k for k, n in c.items() if n >= MIN_COMBO_TRACKS) for sig, c in combos.items()}

    rng = random.Random(SEED)
    artists_of = {split: [i for i, t in enumerate(tracks) if artist_split(t["artist"]) == split]
                  for split in REQUESTS_PER_SPLIT}
    out = []
    for split, n in REQUESTS_PER_SPLIT.items():
        templates = [t for t, s in SPLIT_OF_TEMPLATE.items() if s == split]
        made = 0
        while made < n:
            tid = rng.choice(templates)
            facets, wording = TEMPLATES[tid]
            combo = dict(rng.choice(combos[facets]))
            words = {f: surface(tag, rng) for f, tag in combo.items()}
            prompt = wording.format(g=words.get("g"), m=words.get("m"), i=words.get("i"),
                                    af=rng.choice(ACTIVITIES_FOR), aw=rng.choice(ACTIVITIES_WHILE))
            base = {"prompt": prompt, "seeds": [], "expected": rng.choice(EXPECTED_SIZES), "split": split,
                    "template": tid, "facets": combo}
            qid = f"jam:{split}:{made}"
            out.append({"qid": qid + "@pool", "view": "pool", **base})
            if split == "train":
                sample = sorted(rng.sample(artists_of[split], TRAIN_SAMPLE))
                out.append({"qid": qid + "@sample", "view": "sample", **base,
                            "candidates": [tracks[i]["id"] for i in sample]})
            else:
                out.append({"qid": qid + "@catalog", "view": "catalog", **base,
                            "candidates": [tracks[i]["id"] for i in artists_of[split]]})
            made += 1
    return out


def artist_split(artist):
    """Jamendo artists are split too: a track is trained on, validated on or tested on, never two of these."""
    return bucket(artist.strip().lower(), "jamendo-artist", (("train", 0.7), ("val", 0.1), ("test", 0.2)))


def playlist_split(title):
    """Playlists with the same normalised title share a split."""
    return bucket(normalised_title(title), "spotify-playlist", (("train", 0.70), ("val", 0.15), ("test", 0.15)))


def normalised_title(title):
    return re.sub(r"[^0-9a-z]+", " ", title.lower()).strip() or title


def spotify(data, work):
    known = set(json.loads(l)["id"] for l in open(os.path.join(work, "tracks.jsonl"), encoding="utf-8"))
    members = {}
    with open(os.path.join(data, "playlist_tracks.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            members.setdefault(row["playlist_id"], []).append((int(row["position"]), "spotify:" + row["track_id"]))
    rng = random.Random(SEED)
    catalog = sorted(known)
    out = []
    with open(os.path.join(data, "playlists.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pid, title = row["playlist_id"], row["playlist_name"].strip()
            ids = [i for _, i in sorted(members.get(pid, [])) if i in known]
            if len(ids) < 5 or not title:
                continue
            split = playlist_split(title)
            requests = [("title", [], ids)]
            # Context -> next tracks: the first k tracks are the context (seeds), the rest are what should follow.
            requests += [(f"context{k}", ids[:k], ids[k:]) for k in (1, 3, 10) if len(ids) >= k + 5]
            for kind, seeds, relevant in requests:
                base = {"prompt": title, "seeds": seeds, "expected": rng.choice(EXPECTED_SIZES), "kind": kind,
                        "playlist": pid,
                        "split": split, "relevant": relevant}
                qid = f"sp:{kind}:{pid}"
                out.append({"qid": qid + "@pool", "view": "pool", **base})
                if split == "train":
                    # All members plus a random slice of the catalog (easy negatives) ...
                    sample = set(rng.sample(catalog, TRAIN_SAMPLE_SPOTIFY)) | set(relevant)
                    out.append({"qid": qid + "@sample", "view": "sample", **base,
                                "candidates": sorted(sample - set(seeds))})
                    # ... and all members plus the catalog's best by the foundation scorer (hard negatives).
                    out.append({"qid": qid + "@top", "view": "top", **base,
                                "candidates": {"top": TRAIN_SAMPLE_SPOTIFY, "plus": relevant}})
                elif kind == "title" and split == "val":
                    # Model selection: the catalog's best 3,000 by the foundation scorer stand in for all 28k.
                    out.append({"qid": qid + "@top", "view": "top", **base, "candidates": {"top": VAL_TOP}})
                elif kind == "title":
                    out.append({"qid": qid + "@catalog", "view": "catalog", **base, "candidates": "catalog"})
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--work", default="tools/ranker/work")
    p.add_argument("--spotify-data", default="../shared/data/spotify-30k-songs")
    a = p.parse_args()
    for name, rows in (("jamendo", jamendo(os.path.join(a.work, "jamendo"))),
                       ("spotify", spotify(a.spotify_data, os.path.join(a.work, "spotify")))):
        path = os.path.join(a.work, name, "queries.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        by = {}
        for r in rows:
            by[r["split"]] = by.get(r["split"], 0) + 1
        print(f"{name}: {len(rows)} requests {by} -> {path}")


if __name__ == "__main__":
    main()
