import Foundation

extension BuildCache {
    /// Beside the model stage of a build that linked most of its documents afresh (a
    /// clean build), which runs mostly on one thread: writes the pack
    /// (`LinkedEntryPack`) and the stamp (`LinkedShardStamps`) of every shard folder of
    /// `linked/` that holds only entries this build used, which the upkeep after
    /// rendering then finds done (at 100,000 briefings it read every entry back for
    /// them there, 2.5 s on both cores). Nothing in such a folder is removed, whether
    /// the build succeeds or fails, so both describe it as the upkeep will find it; a
    /// folder changed since (by another build) has another identity, and the upkeep
    /// lists and packs it as before. Call it after the link stage, and finish it before
    /// the upkeep (`keepOnlyUsed`, `forgetUse`).
    func packShardsWithNothingToRemove() {
        guard let linkedFolderPath, let packFolder = folder?.appendingPathComponent(LinkedEntryPack.folderName).path else { return }
        let kept = KeptEntries(usedEntries)
        let previous = linkedShardStamps()
        var stamps = previous
        var madePackFolder = false
        for shard in (LinkedShardStamps.names(inFolder: linkedFolderPath) ?? []).sorted() {
            guard let keys = kept.byShard[shard] else { continue }
            let path = linkedFolderPath + "/" + shard
            let names = kept.namesHash(of: shard)
            // Stamped already, by the upkeep of a build that used the same entries.
            if let old = previous.shards[shard], old.names == names, LinkedShardStamps.FolderIdentity(path: path) == old.folder { continue }
            // The identity before the names: an entry made or removed after it changes the
            // folder's times, so a stamp that records it never names fewer files than there are.
            guard let identity = LinkedShardStamps.FolderIdentity(path: path), let present = LinkedShardStamps.names(inFolder: path),
                  present.allSatisfy(kept.keys.contains) else { continue }
            stamps.shards[shard] = LinkedShardStamps.Shard(folder: identity, names: LinkedShardStamps.namesHash(present))
            if let recorded = LinkedEntryPack.header(atPath: packFolder + "/" + shard, shard: shard), recorded.folder == identity,
               recorded.names == names { continue }
            if !madePackFolder {
                try? FileManager.default.createDirectory(atPath: packFolder, withIntermediateDirectories: true)
                madePackFolder = true
            }
            writePack(of: shard, keeping: keys, namesHash: names, folder: identity, linkedFolder: linkedFolderPath, packFolder: packFolder)
        }
        if stamps != previous { storeLinkedShardStamps(stamps) }
    }
}
