/// What `SiteBuilder.build` does beside the stages that `SiteBuilder.run` times, each
/// called by `run` at its point. The model stage runs mostly on one thread, so work
/// started once linking is done takes the other core (`BackgroundWork`): the walk of
/// the output and the read of its render manifest, which ran beside the load stage
/// and made it wait for a core, and the spill of what linking left of the documents'
/// texts. The render manifest is encoded beside the build cache's upkeep.
struct StageHooks {
    /// Once linking is done, before the model stage.
    var afterLinking: () -> Void = {}
    /// Once the model is built, before the theme is loaded and anything rendered.
    var beforeRender: () -> Void = {}
    /// Once every file is written without an error, before the build cache's upkeep.
    var afterWriting: () -> Void = {}
}
