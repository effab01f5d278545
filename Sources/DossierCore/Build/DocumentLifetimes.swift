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

enum FreedMemory {
    /// Hands the memory freed so far back to the system. glibc keeps freed memory in
    /// the arena of the thread that freed it, where only that thread's allocations can
    /// use it again; the loader's files and the linker's scratch, freed on the worker
    /// threads, would otherwise still count towards the peak while the model and the
    /// pages allocate elsewhere.
    /// Sites from this many documents up have large blocks mapped on their own
    /// (`mapLargeBlocksOnTheirOwn`). Below it a build peaks well under 1 GiB and the
    /// system time the mappings cost (about 4 % of a 10,000-briefing build's CPU) buys
    /// little (30 MB there).
    static let largeSiteDocuments = 25_000

    /// Makes glibc map every block of 128 KiB or more (a page's bytes, a file read
    /// whole, a data file) on its own and unmap it when freed, and trim the heap's
    /// free top at 128 KiB. By default both thresholds rise with the largest block
    /// freed so far, up to 32 MiB, after which such blocks stay in the arenas once
    /// freed: at 100,000 briefings the resident size rose by about 0.5 GB over the
    /// last part of rendering while the live heap did not (docs/benchmarks.md,
    /// "Seventh round, all merged"). Fixed thresholds: 4,322 → 4,078 MiB peak there.
    static func isLargeSite(_ project: LoadedProject) -> Bool {
        project.briefings.count + project.pages.count + project.actors.count >= largeSiteDocuments
    }

    static func mapLargeBlocksOnTheirOwn() {
        #if canImport(Glibc)
        // mallopt and its M_* numbers are in <malloc.h>, which the Glibc module leaves out.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        _ = mallopt(mmapThreshold, 128 * 1024)
        _ = mallopt(trimThreshold, 128 * 1024)
        #endif
    }

    /// Whether moving `spilled` of `documents` documents' text out of memory freed
    /// enough to hand back (`giveBack`): when most of the site was linked in this build.
    /// After a few edits the freed memory is a few documents' worth, and the trim, which
    /// walks every arena, took 5 % of a cached 10,000-briefing build's CPU.
    static func isWorthGivingBack(afterSpilling spilled: Int, of documents: Int) -> Bool {
        spilled > 0 && 2 * spilled >= documents
    }

    static func giveBack() {
        #if canImport(Glibc)
        // malloc_trim is declared in <malloc.h>, which the Glibc module leaves out.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
