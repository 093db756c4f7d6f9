namespace ContrastivePipeline.Build.Planning;

/// <summary>The task's name in the Cake graph (as in Cake.Frosting).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
