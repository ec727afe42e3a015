package dev.segue.pipeline;

import dev.segue.catalog.Track;

/**
 * An accepted track and where it was read: shard (in sorted file order) and position in it. When shards repeat an id,
 * the first in that order wins, as the first row does in one file.
 */
record ShardTrack(int shard, int position, Track track) {

    boolean before(ShardTrack other) {
        return shard != other.shard ? shard < other.shard : position < other.position;
    }
}
