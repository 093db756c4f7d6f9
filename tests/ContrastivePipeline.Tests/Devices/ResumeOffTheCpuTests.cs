using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tests.Training;
using ContrastivePipeline.Training;
using TorchSharp;

namespace ContrastivePipeline.Tests.Devices;

/// <summary>
/// A resumed run on a GPU: the model and the optimizer's flat buffers live off the CPU when the checkpoint is restored.
/// The meta device stands in for the GPU here (not the CPU, no data): restoring must not take the model through the
/// CPU, as TorchSharp's Module.load does; that comes back with new parameter tensors, which the optimizer (its flat
/// buffer) no longer updates, so a resumed GPU run would silently stop learning.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ResumeOffTheCpuTests
{
    [Fact]
    public void RestoringACheckpoint_KeepsTheParametersThatTheOptimizerUpdates()
    {
        using var folder = new TempFolder();
        using (var trainer = TinyRuns.Trainer(folder.Path, TinyRuns.Config with { Steps = 2 }))
            trainer.Run();
        using var model = new Llama(TinyModels.Shape);
        model.to(new torch.Device(DeviceType.META));
        using var optimizer = new AdamW(model.parameters(), TinyRuns.Config.WeightDecay);
        var trained = model.parameters().Select(p => p.Handle).ToList();

        Checkpoints.Restore(Checkpoints.Folder(folder.Path, 2), model, optimizer);

        Assert.Equal(trained, model.parameters().Select(p => p.Handle));
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.META, p.device_type));
        Assert.Equal(2, optimizer.Steps);
    }
}
