using System.Text.Json;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Steps;
using ContrastivePipeline.TensorBoard;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// Gives a complete instance its TensorBoard curves where its step did not write them in this experiment's run folder
/// (it was reused: made by another experiment, an earlier run, or another host meanwhile), from its stored files.
/// </summary>
internal static class InstanceCurves
{
    public static void Fill(BuildContext context, StepInstance instance)
    {
        var folder = context.Paths.TensorBoard(context.Experiment.Name, instance.Instance);
        if (StoredCurves.Has(folder, instance.Step))
            return;
        try
        {
            var share = (instance.Settings as TrainSettings)?.Synthetic?.Fraction;
            if (StoredCurves.Write(instance.Step, instance.Folder, folder, share))
                Console.WriteLine($"[{instance.Id}] TensorBoard curves written from its stored files into {Path.GetRelativePath(context.Paths.Root, folder)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or KeyNotFoundException)
        {
            // Curves are logs: a run is not failed for them, but the user is told why they are missing.
            Console.WriteLine($"[{instance.Id}] no TensorBoard curves: {e.Message}");
        }
    }
}
