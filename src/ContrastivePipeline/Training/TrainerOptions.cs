namespace ContrastivePipeline.Training;

/// <summary>How a run executes, as opposed to what it trains (<see cref="Configuration.TrainConfig"/>).</summary>
/// <param name="Seed">Seeds the weight initialisation (the data source has its own seed).</param>
/// <param name="Device"><c>cpu</c>, <c>cuda</c> or <c>auto</c>.</param>
/// <param name="Threads">libtorch intra-op threads; 0 leaves libtorch's default.</param>
/// <param name="Log">Receives the progress lines.</param>
/// <param name="StopAsked">The signal that asked the run to stop (see <see cref="Steps.StopRequest"/>), or null; asked after every step.</param>
internal sealed record TrainerOptions(int Seed = 42, string Device = "cpu", int Threads = 0, Action<string>? Log = null, Func<string?>? StopAsked = null);
