#if canImport(Glibc)
import Glibc
#endif

/// What a build that runs once in its process (the `build` command) lets go as soon
/// as the last stage that reads it is done, so that memory does not hold the whole
/// site's text several times over at 100,000 briefings (docs/benchmarks.md, "Memory
/// at 100,000 briefings"). `dossier serve` re-renders from the model and `check` and
/// `suggest` read the Markdown again, so they keep everything.
extension LoadedProject {
    /// The briefings' and pages' Markdown, which nothing reads after linking. Actor
    /// profiles are kept: the entity index holds the same actors, so dropping them
    /// here would free nothing.
    mutating func dropBodiesAfterLinking() {
        for position in briefings.indices { briefings[position].body.text = "" }
        for position in pages.indices { pages[position].body.text = "" }
    }
}

extension Dictionary where Key == DocumentID, Value == LinkedDocument {
    /// Moves every document's HTML and text still in memory into `file` (the one
    /// linking spilled each HTML and each freshly linked text into as it went, else a
    /// new unnamed temporary file): the HTML until its page is rendered, the text for
    /// the snippets and search passages that quote it, each read back where it is
    /// shown. A document taken from the build cache has both in its entry file already
    /// (`CachedText`, `CachedHTML`) and is left alone. A document whose HTML or text
    /// cannot be written keeps it in memory. Returns how many documents' texts are in
    /// the spill file afterwards, moved here or by linking.
    @discardableResult
    func spillHTMLAndText(to file: HTMLSpillFile?) -> Int {
        var inMemory: [DocumentID] = []
        var spilled = 0
        for (id, document) in self {
            if document.holdsTextOrHTMLInMemory { inMemory.append(id) } else if document.isTextSpilled { spilled += 1 }
        }
        guard !inMemory.isEmpty, let file = file ?? HTMLSpillFile() else { return spilled }
        for id in inMemory.sorted() {
            self[id]!.spillHTML(to: file)
            self[id]!.spillText(to: file)
            if self[id]!.isTextSpilled { spilled += 1 }
        }
        return spilled
    }
}

/// glibc's own thresholds are left as they are. Fixed ones (every block of 128 KiB or
/// more mapped on its own, the heap trimmed at 128 KiB) once kept a 100,000-briefing
/// build under 4 GiB, but each page's buffer was then mapped, faulted in and unmapped:
/// 2.40 million page faults against 1.54 million, 37 against 30 s of system time, for
/// 140 MB of peak that later rounds had to spare (docs/benchmarks.md, "Seventeenth
/// round, all merged").
enum FreedMemory {
    /// Whether moving `spilled` of `documents` documents' text out of memory freed
    /// enough to hand back (`giveBack`): when most of the site was linked in this build.
    /// After a few edits the freed memory is a few documents' worth, and the trim, which
    /// walks every arena, took 5 % of a cached 10,000-briefing build's CPU.
    static func isWorthGivingBack(afterSpilling spilled: Int, of documents: Int) -> Bool {
        spilled > 0 && 2 * spilled >= documents
    }

    /// Hands the memory freed so far back to the system. glibc keeps freed memory in
    /// the arena of the thread that freed it, where only that thread's allocations can
    /// use it again; the loader's files and the linker's scratch, freed on the worker
    /// threads, would otherwise still count towards the peak while the model and the
    /// pages allocate elsewhere.
    static func giveBack() {
        #if canImport(Glibc)
        // malloc_trim is declared in <malloc.h>, which the Glibc module leaves out.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
