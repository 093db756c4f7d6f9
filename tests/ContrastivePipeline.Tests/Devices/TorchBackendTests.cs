using System.Diagnostics;
using System.Text.Json;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Devices;

/// <summary>
/// `-p:TorchBackend=cuda` swaps the CPU libtorch for the CUDA one. That package cannot be restored here, so these tests
/// read what MSBuild resolves (evaluation only, nothing is restored or built).
/// </summary>
public sealed class TorchBackendTests
{
    static readonly string Project = Path.Combine(Repo.Root, "src", "ContrastivePipeline", "ContrastivePipeline.csproj");

    [Fact]
    public void DefaultBuild_ReferencesTheCpuLibtorchOnly() =>
        Assert.Equal(["libtorch-cpu-linux-x64"], Libtorch(Evaluate()));

    [Fact]
    public void TorchBackendCuda_ReferencesTheCudaLibtorchInstead_AtTheSamePinnedVersion()
    {
        var items = Evaluate("-p:TorchBackend=cuda");

        Assert.Equal(["libtorch-cuda-12.8-linux-x64"], Libtorch(items));
        Assert.Contains("TorchSharp", Identities(items, "PackageReference"));
        var versions = items.GetProperty("PackageVersion").EnumerateArray()
            .ToDictionary(i => i.GetProperty("Identity").GetString()!, i => i.GetProperty("Version").GetString());
        Assert.Equal(versions["libtorch-cpu-linux-x64"], versions["libtorch-cuda-12.8-linux-x64"]);
    }

    [Fact]
    public void AnUnknownTorchBackend_StopsTheBuild_NamingTheAllowedOnes()
    {
        var (code, output) = MSBuild(Project, "-t:CheckTorchBackend", "-p:TorchBackend=rocm");

        Assert.NotEqual(0, code);
        Assert.Contains("TorchBackend is 'rocm'; allowed: cpu (the default) or cuda", output);
    }

    static List<string> Libtorch(JsonElement items) => [.. Identities(items, "PackageReference").Where(i => i.StartsWith("libtorch", StringComparison.Ordinal))];

    static IEnumerable<string> Identities(JsonElement items, string type) =>
        items.GetProperty(type).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!);

    static JsonElement Evaluate(params string[] properties)
    {
        var (code, output) = MSBuild([Project, "-getItem:PackageReference", "-getItem:PackageVersion", .. properties]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement.GetProperty("Items");
    }

    static (int Code, string Output) MSBuild(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", "-nologo", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
