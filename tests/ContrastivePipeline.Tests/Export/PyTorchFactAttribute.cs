namespace ContrastivePipeline.Tests.Export;

/// <summary>
/// A test that needs a Python with PyTorch (Debian: <c>apt-get install python3-torch</c>); it runs only when
/// <c>CP_PYTORCH</c> names that python (e.g. <c>CP_PYTORCH=/usr/bin/python3</c>) and is reported as skipped otherwise.
/// </summary>
internal sealed class PyTorchFactAttribute : FactAttribute
{
    public const string Variable = "CP_PYTORCH";

    public PyTorchFactAttribute()
    {
        if (string.IsNullOrEmpty(Python))
            Skip = $"set {Variable} to a python with torch (e.g. /usr/bin/python3 with python3-torch) to run it";
    }

    public static string? Python => Environment.GetEnvironmentVariable(Variable);
}
