namespace ContrastivePipeline.Artifacts;

/// <summary>
/// What a step instance's key is made of. Each part is a hash; the key is the hash of all of them, so two instances
/// share a key exactly when they would compute the same thing.
/// </summary>
public sealed record KeyParts(string Step, string Code, string Config, string Inputs, string Toolchain)
{
    public string Key => Hash.OfParts("step-key-v1", Step, Code, Config, Inputs, Toolchain);

    /// <summary>Which parts differ from <paramref name="old"/>, as "part old -> new" with short hashes.</summary>
    /// <param name="configChanges">What changed in the settings, said in place of the config hashes when known.</param>
    /// <param name="codeChanges">Which methods and types changed, said in place of the code hashes when known.</param>
    public IEnumerable<string> Changes(KeyParts old, string? configChanges = null, string? codeChanges = null)
    {
        if (Code != old.Code) yield return $"code {codeChanges ?? $"{Hash.Short(old.Code)} -> {Hash.Short(Code)}"}";
        if (Config != old.Config) yield return $"config {configChanges ?? $"{Hash.Short(old.Config)} -> {Hash.Short(Config)}"}";
        if (Inputs != old.Inputs) yield return $"input artifact {Hash.Short(old.Inputs)} -> {Hash.Short(Inputs)}";
        if (Toolchain != old.Toolchain) yield return $"toolchain {Hash.Short(old.Toolchain)} -> {Hash.Short(Toolchain)}";
    }
}
