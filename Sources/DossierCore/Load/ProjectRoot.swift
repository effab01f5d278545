import Foundation

/// Every command that reads a project first makes sure it was given one. Without
/// this, a command run in the wrong folder built an empty site, created folders,
/// replaced `./site` or reported "No problems found".
public enum ProjectRoot {
    /// Why `root` is not a Dossier project, or nil when it holds `dossier.yml`.
    public static func problem(at root: URL) -> Diagnostic? {
        var isDirectory: ObjCBool = false
        let config = root.appendingPathComponent(SiteConfig.fileName)
        if FileManager.default.fileExists(atPath: config.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return nil
        }
        return .error("no \(SiteConfig.fileName) in \(root.path); run 'dossier init DIR' or pass --root",
                      at: SourceLocation(path: SiteConfig.fileName))
    }
}
