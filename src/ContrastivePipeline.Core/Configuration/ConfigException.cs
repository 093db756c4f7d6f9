namespace ContrastivePipeline.Configuration;

/// <summary>An experiment file that cannot be used. The message names the file, the line, the key and the fix.</summary>
public sealed class ConfigException(string message) : Exception(message);
