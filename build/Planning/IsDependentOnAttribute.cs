namespace ContrastivePipeline.Build.Planning;

/// <summary>A task that must run before this one (as in Cake.Frosting).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IsDependentOnAttribute(Type task) : Attribute
{
    public Type Task { get; } = task;
}
