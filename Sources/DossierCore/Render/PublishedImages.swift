import Foundation

/// The images documents show, copied into the site beside their pages. They go
/// through the sink like every generated file, so whatever checks the site's files
/// (a collision with a static file, the list of paths written) sees them too.
enum PublishedImages {
    /// Every image once, by output path, in a fixed order.
    static func all(in model: SiteModel) -> [PublishedImage] {
        let documents = model.briefings.map(\.linked) + model.actors.map(\.profile) + model.pages.map(\.linked)
        var byOutput: [String: PublishedImage] = [:]
        for image in documents.flatMap(\.images) where byOutput[image.output] == nil { byOutput[image.output] = image }
        return byOutput.keys.sorted().map { byOutput[$0]! }
    }

    /// Reads the image and writes it; an error at the image's file if either fails.
    static func publish(_ image: PublishedImage, to sink: OutputSink) -> Diagnostic? {
        guard let contents = FileManager.default.contents(atPath: image.file.path) else {
            return .error("cannot read image", at: SourceLocation(path: image.source))
        }
        do {
            try sink.write(OutputFile(image: image.output, contents: contents))
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: image.output))
        }
    }
}
