namespace ContrastivePipeline.Steps;

/// <summary>
/// <c>ContrastivePipeline step &lt;spec.json&gt;</c>: reads the spec and runs its step. The code part of every step's key
/// starts here and at the step's own class (see CodeHash), so what this reaches is in every key.
/// </summary>
internal static class StepCommand
{
    public static int Run(string[] args, IReadOnlyDictionary<string, IStep> steps)
    {
        if (args is not ["step", var specPath, ..] || args.Length > 3 || (args.Length == 3 && args[2] != StepSpec.WatchHost))
        {
            Console.Error.WriteLine($"usage: ContrastivePipeline step <spec.json> [{StepSpec.WatchHost}]");
            Console.Error.WriteLine($"steps: {string.Join(", ", steps.Keys)}");
            return 2;
        }
        StepSpec spec;
        try
        {
            spec = Json.Read<StepSpec>(specPath);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: cannot read the step spec {specPath}: {e.Message}. The build host writes it; run the host again.");
            return 2;
        }
        if (args.Length == 3)
            HostWatch.Start($"{spec.Step}/{spec.Instance}");
        StopRequest.Install();
        try
        {
            return StepRunner.Run(steps, spec);
        }
        catch (StepStoppedException stopped)
        {
            Console.Error.WriteLine($"[{spec.Step}/{spec.Instance}] {stopped.Message}");
            return StepSpec.StoppedToRunAgain;
        }
        catch (Exception e) when (StepFailure.Explain(e, spec) is { } message)
        {
            Console.Error.WriteLine($"error: {spec.Step}/{spec.Instance}: {message}");
            return 1;
        }
    }
}
