import Testing

/// The small fixture project's graph exports compared byte for byte with
/// Fixtures/golden, the same way as the pages and feeds (see `GoldenFileTests`).
/// The suite's name contains "GoldenFileTests", so
/// `DOSSIER_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests` regenerates these too.
@Suite(.serialized) struct GraphExportGoldenFileTests {
    @Test(arguments: [("data/graph.graphml", "graph.graphml"), ("data/graph.gexf", "graph.gexf")])
    func matchesGolden(built: String, golden: String) throws {
        try GoldenFileTests().matchesGolden(built: built, golden: golden)
    }
}
