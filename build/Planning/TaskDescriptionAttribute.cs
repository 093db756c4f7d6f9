namespace ContrastivePipeline.Build.Planning;

/// <summary>One line shown by --tree and --description (as in Cake.Frosting).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TaskDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
