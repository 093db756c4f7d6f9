using System.Reflection;
using System.Runtime.CompilerServices;
using TorchSharp;
using Xunit.Sdk;

[assembly: ContrastivePipeline.Tests.Support.TensorScope]

namespace ContrastivePipeline.Tests.Support;

/// <summary>
/// Every synchronous test runs inside a dispose scope, as a pipeline step does (StepRunner): the tensors a test makes,
/// and the intermediates of the code it calls, stay rooted until the test ends rather than being freed by their
/// finalizers while a native call still reads them. Test classes run in parallel here, so collections on other threads
/// are common. Async tests get no scope: their end can run on another thread, and a scope belongs to its thread.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class TensorScopeAttribute : BeforeAfterTestAttribute
{
    [ThreadStatic] static DisposeScope? scope;

    public override void Before(MethodInfo methodUnderTest)
    {
        if (IsAsync(methodUnderTest))
            return;
        scope?.Dispose();
        scope = torch.NewDisposeScope();
    }

    public override void After(MethodInfo methodUnderTest)
    {
        if (IsAsync(methodUnderTest))
            return;
        scope?.Dispose();
        scope = null;
    }

    static bool IsAsync(MethodInfo method) => method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null;
}
