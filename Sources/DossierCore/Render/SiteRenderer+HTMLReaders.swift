import Foundation

extension SiteRenderer {
    /// For a build that renders once (`BuildOptions.releasesDocumentsAsRendered`):
    /// counts, for each document, the jobs still to read its HTML — its own page, and
    /// for the newest briefings the two feeds — and releases the HTML when the last
    /// one is done, whatever order the parallel jobs finish in. A job that would read
    /// HTML already released is refused with an error instead of rendering it empty.
    final class HTMLReaders: @unchecked Sendable {
        private let lock = NSLock()
        /// Jobs left to read each document, by `position(of:)`.
        private var remaining: [Int]
        private let documents: [LinkedDocument]
        private let briefingCount: Int, actorCount: Int
        private let feedEntries: Int

        init(_ model: SiteModel) {
            documents = model.briefings.map(\.linked) + model.actors.map(\.profile) + model.pages.map(\.linked)
            briefingCount = model.briefings.count
            actorCount = model.actors.count
            feedEntries = min(Feeds.limit, model.briefings.count)
            remaining = Array(repeating: 1, count: documents.count)
            for position in 0..<feedEntries { remaining[position] += 2 }
        }

        /// The positions in `documents` of the documents whose HTML `job` reads.
        private func readBy(_ job: Job) -> Range<Int> {
            switch job {
            case .briefing(let index): index..<index + 1
            case .actor(let index): briefingCount + index..<briefingCount + index + 1
            case .page(let index): briefingCount + actorCount + index..<briefingCount + actorCount + index + 1
            case .atomFeed, .jsonFeed: 0..<feedEntries
            default: 0..<0
            }
        }

        /// An error naming the first document `job` would read after its HTML was released.
        func refusal(of job: Job) -> Diagnostic? {
            guard let released = readBy(job).first(where: { documents[$0].isHTMLReleased }) else { return nil }
            let id = documents[released].id
            return .error("internal error: \(id) was to be rendered after its HTML was released", at: SourceLocation(path: id.description))
        }

        /// Called once `job` has read what it needed.
        func finished(_ job: Job) {
            var released: [Int] = []
            lock.lock()
            for position in readBy(job) {
                remaining[position] -= 1
                if remaining[position] == 0 { released.append(position) }
            }
            lock.unlock()
            for position in released { documents[position].releaseHTML() }
        }
    }
}
