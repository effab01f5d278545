/// What `SiteBuilder.build` does beside the stages that `SiteBuilder.run` times, each
/// called by `run` at its point. The model stage runs mostly on one thread, so work
/// started once linking is done takes the other core (`BackgroundWork`): the walk of
/// the output and the read of its render manifest, which ran beside the load stage
/// and made it wait for a core, and the spill of the documents' texts.
struct StageHooks {
    /// Once linking is done, before the model stage.
    var afterLinking: () -> Void = {}
    /// Once the model is built, before the theme is loaded and anything rendered.
    var beforeRender: () -> Void = {}
}
