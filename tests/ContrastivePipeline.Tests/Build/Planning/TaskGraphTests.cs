using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Tests.Build.Planning;

public sealed class TaskGraphTests
{
    [TaskName("A")] sealed class A : PipelineTask;
    [TaskName("B"), IsDependentOn(typeof(A))] sealed class B : PipelineTask;
    [TaskName("C"), IsDependentOn(typeof(B)), IsDependentOn(typeof(A))] sealed class C : PipelineTask;
    [TaskName("D"), IsDependentOn(typeof(A))] sealed class D : PipelineTask;
    [TaskName("X"), IsDependentOn(typeof(Y))] sealed class X : PipelineTask;
    [TaskName("Y"), IsDependentOn(typeof(X))] sealed class Y : PipelineTask;

    readonly TaskGraph graph = new([typeof(A), typeof(B), typeof(C), typeof(D), typeof(X), typeof(Y)]);

    [Fact]
    public void Order_PutsDependenciesFirst_EachOnce()
    {
        Assert.Equal(["A", "B", "C"], graph.Order("C"));
        Assert.Equal(["A", "D"], graph.Order("d"));
    }

    [Fact]
    public void Order_Cycle_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => graph.Order("X"));
        Assert.Contains("cycle: X -> Y -> X", error.Message);
    }

    [Fact]
    public void Order_UnknownTarget_ListsTheTasks()
    {
        var error = Assert.Throws<ArgumentException>(() => graph.Order("Trian"));
        Assert.Contains("unknown target 'Trian'", error.Message);
        Assert.Contains("A, B, C, D", error.Message);
    }

    [Fact]
    public void Downstream_IsTheTaskAndEverythingThatDependsOnIt()
    {
        Assert.Equal(new HashSet<string> { "B", "C" }, graph.Downstream("B", graph.Order("C")));
        Assert.Equal(new HashSet<string> { "A", "B", "C" }, graph.Downstream("A", graph.Order("C")));
    }
}
