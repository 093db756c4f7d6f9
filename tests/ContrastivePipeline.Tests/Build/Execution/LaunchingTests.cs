using Cake.Core;
using Cake.Core.Configuration;
using ContrastivePipeline.Build.Execution;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;
using FileSystem = Cake.Core.IO.FileSystem;

namespace ContrastivePipeline.Tests.Build.Execution;

/// <summary>Device slots, threads, cluster resources and the sbatch script: what each launch is given.</summary>
public sealed class LaunchingTests
{
    [Fact]
    public void CpuSlots_AreOnePerJob_AndShareTheThreads()
    {
        var slots = DeviceSlots.Parse("cpu", 3);
        Assert.Equal(3, slots.Count);
        Assert.Equal(1, slots.ThreadsEach(2));
        Assert.Equal(2, DeviceSlots.Parse("cpu", 2).ThreadsEach(4));
        Assert.Equal(4, DeviceSlots.Parse("cpu", 1).ThreadsEach(4));
        Assert.True(slots.TryTake(out var slot));
        Assert.Empty(DeviceSlots.Environment(slot));
    }

    [Fact]
    public void CudaSlots_AreOnePerDevice_AndEachChildSeesOnlyItsOwn()
    {
        var slots = DeviceSlots.Parse("cuda:0, cuda:1", 4);
        Assert.Equal(2, slots.Count);
        var taken = new[] { Take(slots), Take(slots) };
        Assert.False(slots.TryTake(out _));
        Assert.Equal([[("CUDA_VISIBLE_DEVICES", "0")], [("CUDA_VISIBLE_DEVICES", "1")]], taken.Select(s => DeviceSlots.Environment(s).ToList()));
        slots.Return(taken[0]);
        Assert.Equal("cuda:0", Take(slots));
        Assert.Equal(1, DeviceSlots.Parse("cuda:0,cuda:1,cuda:2", 1).Count);
    }

    [Theory]
    [InlineData("gpu0")]
    [InlineData("cuda:0,cuda:0")]
    [InlineData("cpu,cuda:1")]
    [InlineData("")]
    public void BadDevices_AreAClearError(string devices) =>
        Assert.Contains("give cpu, or distinct CUDA devices", Assert.Throws<ArgumentException>(() => DeviceSlots.Parse(devices, 2)).Message);

    [Fact]
    public void UnknownExecutor_OrZeroJobs_IsAUsageError()
    {
        Assert.Equal(2, PipelineHost.Run(["--executor=kubernetes", "--dryrun", "--experiment=experiments/smoke.yaml"], Repo.Root));
        Assert.Equal(2, PipelineHost.Run(["--jobs=0", "--dryrun"], Repo.Root));
    }

    [Fact]
    public void Exclusive_WithAnInputNotInTheStore_FailsSayingSo_InsteadOfCrashing()
    {
        using var temp = new TempFolder();
        Assert.Equal(1, PipelineHost.Run(["--exclusive", "--target=Tokenize", "--experiment=experiments/smoke.yaml", $"--paths_artifacts={temp.Path}"], Repo.Root));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "store", "Corpus")));
    }

    [Fact]
    public void DeviceAuto_IsDecidedByTheHost_SoKeysNameTheDeviceThatRuns()
    {
        Assert.False(File.Exists("/dev/nvidia0"), "this test expects a machine without an NVIDIA GPU");
        using var temp = new TempFolder();
        string Plan(string device)
        {
            var file = Path.Combine(temp.Path, $"{device}.json");
            Assert.Equal(0, PipelineHost.Run(["--dryrun", "--experiment=experiments/smoke.yaml", $"--paths_artifacts={temp.Path}",
                $"--compute_device={device}", $"--plan={file}"], Repo.Root));
            return File.ReadAllText(file);
        }
        Assert.Equal(Plan("cpu"), Plan("auto"));
        Assert.NotEqual(Plan("cpu"), Plan("cuda"));
    }

    [Fact]
    public void Resources_TheExperimentsTaskValueWins_ThenItsDefault_ThenCakeConfig()
    {
        using var temp = new TempFolder();
        temp.File("cake.config", "[Resources]\nCpus=2\nMemory=4G\nTime=01:00:00\n[Resources_TrainFinal]\nGpus=1\nTime=08:00:00\n");
        // cake.config read as the host reads it (CakeServices, which also moves the working directory: not here).
        Func<string, string?> config = new CakeConfigurationProvider(new FileSystem(), new CakeEnvironment(new CakePlatform(), new CakeRuntime()))
            .CreateConfiguration(temp.Path, new Dictionary<string, string>()).GetValue;
        var experiment = new Experiment
        {
            Resources = new()
            {
                ["default"] = new TaskResources { Memory = "8G" },
                ["TrainFinal"] = new TaskResources { Time = "12:00:00", Options = ["--qos=long"] },
            },
        };

        var resources = new ClusterResources(config, experiment, ["Corpus", "TrainFinal"]);

        Assert.Equal(new TaskResources { Cpus = 2, Memory = "8G", Time = "01:00:00" }, resources.For("Corpus") with { Options = null });
        var train = resources.For("TrainFinal");
        Assert.Equal((2, "8G", 1, "12:00:00"), (train.Cpus!.Value, train.Memory, train.Gpus!.Value, train.Time));
        Assert.Equal(["--qos=long"], train.Options!);
        Assert.Contains("no task named TrainFnal", Assert.Throws<ArgumentException>(() =>
            new ClusterResources(config, experiment with { Resources = new() { ["TrainFnal"] = new() } }, ["TrainFinal"])).Message);
    }

    [Fact]
    public void SbatchScript_AsksForTheTasksResources_NamesTheJob_AndRunsTheSpec()
    {
        var launch = new Launch(null!, "/a/specs/Train-k.json", "/a/logs/Train-k.log", "cpu", 4,
            new TaskResources { Memory = "8G", Gpus = 1, Time = "04:00:00", Partition = "gpu", Account = "lab", Options = ["--qos=high"] });
        var script = SbatchScript.For(launch with { Instance = Instance() }, "/repo", "/repo/cli.dll", "B:USR1@120");

        foreach (var line in new[] { "--job-name=TrainFinal-baseline-seed1", "--output=/a/logs/Train-k.log", "--open-mode=append", "--requeue",
            "--signal=B:USR1@120", "--cpus-per-task=4", "--mem=8G", "--gres=gpu:1", "--time=04:00:00", "--partition=gpu", "--account=lab", "--qos=high" })
            Assert.Contains($"#SBATCH {line}\n", script);
        Assert.Contains("export OMP_NUM_THREADS='4'\n", script);
        // The step in the background, so that the script can hand Slurm's signal on; a step stopped by it is requeued.
        Assert.Contains("dotnet '/repo/cli.dll' step '/a/specs/Train-k.json' &\n", script);
        Assert.Contains("trap 'warned=1; kill -USR1 $step 2>/dev/null' USR1\n", script);
        Assert.Contains("if [ $status -eq 75 ] && [ -n \"${warned:-}\" ]; then", script);
        Assert.Contains("scontrol requeue \"$SLURM_JOB_ID\"", script);
        Assert.DoesNotContain("--signal", SbatchScript.For(launch with { Instance = Instance() }, "/repo", "/repo/cli.dll", null));
    }

    [Fact]
    public void DryRun_OnSlurm_ShowsWhatEachTasksJobsWouldAsk_AndSubmitsNothing()
    {
        using var temp = new TempFolder();
        var experiment = temp.File("smoke.yaml", File.ReadAllText(Path.Combine(Repo.Root, "experiments", "smoke.yaml")) +
            "\nresources:\n  TrainFinal: {gpus: 1, memory: 8G, time: \"12:00:00\"}\n");

        var (exit, output) = HostProcess.Run(Path.Combine(temp.Path, "artifacts"), "--dryrun", "--executor=slurm", $"--experiment={experiment}");

        Assert.True(exit == 0, output);
        // cake.config's default: one CPU a job, so a 2-CPU node runs two at once.
        Assert.Contains("  Corpus: 1 job, --cpus-per-task=1 --mem=4G\n", output);
        Assert.Contains("  TrainFinal: 3 jobs, --cpus-per-task=1 --mem=8G --gres=gpu:1 --time=12:00:00\n", output);
        Assert.Contains("squeue --me -o '%.10i %.9T %.10M %.16R %j'", output);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "artifacts", "specs")));
    }

    [Theory]
    [InlineData("PENDING", "Resources", null)]
    [InlineData("RUNNING", "None", null)]
    [InlineData("COMPLETING", "None", null)]
    [InlineData("REQUEUED", "None", null)] // preempted or its node failed: it runs again
    [InlineData("COMPLETED", "None", "Slurm job 17 COMPLETED")]
    [InlineData("FAILED", "NonZeroExitCode", "Slurm job 17 ended FAILED, reason NonZeroExitCode, exit code 1:0")]
    [InlineData("TIMEOUT", "TimeLimit", "Slurm job 17 ended TIMEOUT, reason TimeLimit, exit code 1:0")]
    [InlineData("OUT_OF_MEMORY", "OutOfMemory", "Slurm job 17 ended OUT_OF_MEMORY, reason OutOfMemory, exit code 1:0")]
    [InlineData("NODE_FAIL", "None", "Slurm job 17 ended NODE_FAIL, exit code 1:0")]
    [InlineData("CANCELLED", "None", "Slurm job 17 ended CANCELLED, exit code 1:0")]
    public void SlurmStates_EndAJobOnlyWhenItCannotRunAgain_NamingStateReasonAndExitCode(string state, string reason, string? expected)
    {
        var end = SlurmLauncher.EndOf("17", state, reason, _ => ", exit code 1:0");
        Assert.Equal(expected, end?.Description);
        Assert.Equal(state == "COMPLETED", end?.Succeeded ?? false);
    }

    static StepInstance Instance() =>
        new("TrainFinal", "Train", "baseline-seed1", new object(), 1, new Dictionary<string, StepInput>(), new ContrastivePipeline.Artifacts.StepCode("code", new Dictionary<string, string>()), "{}", "tool",
            new ContrastivePipeline.Artifacts.ArtifactStore(Path.GetTempPath()));

    static string Take(DeviceSlots slots) => slots.TryTake(out var slot) ? slot : throw new InvalidOperationException("no slot");
}
