using System.Diagnostics;
using Cake.Cli;
using Cake.Core;
using ContrastivePipeline.Build.Execution;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using Spectre.Console;

namespace ContrastivePipeline.Build.Host;

/// <summary>The host (Frosting's <c>CakeHost</c>): parses switches, plans the graph, runs it, prints Cake's report.</summary>
public static class PipelineHost
{
    public static int Run(string[] args, string? root = null)
    {
        try
        {
            return RunChecked(args, root);
        }
        catch (Exception e) when (HostFailure.Explain(e) is { } message)
        {
            Error(message);
            return 1;
        }
    }

    static int RunChecked(string[] args, string? root)
    {
        var clock = Stopwatch.StartNew();
        Arguments arguments;
        TaskGraph graph;
        IReadOnlyList<string> order;
        try
        {
            arguments = Arguments.Parse(args);
            if (Store.StoreVerbs.Handles(arguments.Target))
                return Store.StoreVerbs.Run(arguments, root ?? Paths.FindRoot(Environment.CurrentDirectory, AppContext.BaseDirectory));
            graph = new TaskGraph(typeof(PipelineHost).Assembly.GetTypes());
            order = arguments.Exclusive ? [TaskGraph.NameOf(graph[arguments.Target])] : graph.Order(arguments.Target);
            if (arguments.Force is { } force && !order.Contains(TaskGraph.NameOf(graph[force])))
                throw new ArgumentException($"--force={force} is not part of the run up to {arguments.Target}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Error(e.Message);
            return 2;
        }
        root ??= Paths.FindRoot(Environment.CurrentDirectory, AppContext.BaseDirectory);
        var cake = new CakeServices(arguments, root);
        var target = TaskGraph.NameOf(graph[arguments.Target]);
        Scheduler? executor = null;
        foreach (var name in graph.Names)
        {
            var builder = cake.Engine.RegisterTask(name).Description(TaskGraph.DescriptionOf(graph[name]));
            foreach (var dependency in graph.Dependencies(name))
                builder.IsDependentOn(dependency);
            builder.Does(() => executor!.Execute(name));
        }
        if (arguments.Tree)
        {
            new TreeScriptHost(cake.Engine, cake.Context, cake.Console).RunTargetAsync(target).GetAwaiter().GetResult();
            return 0;
        }
        if (arguments.Description)
        {
            new DescriptionScriptHost(cake.Engine, cake.Context, AnsiConsole.Console).RunTargetAsync(target).GetAwaiter().GetResult();
            return 0;
        }

        Experiment experiment;
        try
        {
            experiment = ExperimentLoader.Load(Paths.ExperimentFile(arguments.Experiment, root), root);
        }
        catch (ConfigException e)
        {
            Error(e.Message);
            return 1;
        }
        var context = BuildContext.Create(cake, arguments, root, experiment);
        context.Command = $"dotnet run --project build -- {string.Join(' ', args)}";
        var (paths, device, threads) = (context.Paths, context.Toolchain.Device, context.Threads);
        ILauncher launcher;
        DeviceSlots slots;
        ClusterResources resources;
        try
        {
            (launcher, slots) = Launching.Choose(cake.Configuration, arguments, paths, device);
            resources = new ClusterResources(cake.Configuration.GetValue, experiment, graph.Names);
        }
        catch (ArgumentException e)
        {
            Error(e.Message);
            return 2;
        }
        var forced = arguments.Force is { } f ? graph.Downstream(f, order) : new HashSet<string>();
        var record = new RunRecord(paths.Run(experiment.Name));
        // --exclusive runs only the target's instances, but plans its dependencies too: their artifacts are its inputs.
        var tasks = graph.Order(arguments.Target).Select(n => (n, (PipelineTask)Activator.CreateInstance(graph[n])!)).ToList();
        var plan = Planner.Plan(context, tasks, forced, record).Where(p => order.Contains(p.Instance.Task)).ToList();
        if (arguments.PlanFile is { } planFile)
            Json.Write(Path.GetFullPath(Path.Combine(root, planFile)), plan.Select(p => p.Entry).ToList());
        PlanPrinter.Print(plan.Select(p => p.Entry));
        if (Store.Retention.Prepare(context, graph, plan) is { } dropped)
        {
            Error(dropped);
            return 1;
        }
        int ThreadsOf(string task) => launcher.Threads(resources.For(task), threads, slots);
        Launch Shape(StepInstance instance) => Launching.Shape(instance, paths, ThreadsOf(instance.Task), resources.For(instance.Task));
        if (arguments.DryRun)
        {
            launcher.DescribeDryRun(plan, ThreadsOf, resources.For);
            return 0;
        }

        paths.CheckWritable();
        record.Start(ExperimentLoader.Resolve(experiment));
        using var stop = new StopSignals();
        executor = new Scheduler(context, tasks, plan, record, launcher, slots, Shape,
            new Scheduler.Options(arguments.FailFast, Rerun(args), arguments.Retries), stop.Token);
        var (succeeded, interrupted) = (false, (RunInterruptedException?)null);
        try
        {
            var settings = new ExecutionSettings().SetTarget(target);
            if (arguments.Exclusive)
                settings.UseExclusiveTarget();
            cake.Engine.RunTargetAsync(cake.Context, new DefaultExecutionStrategy(cake.Log, new CakeSpectreReportPrinter(AnsiConsole.Console)), settings)
                .GetAwaiter().GetResult();
            succeeded = true;
        }
        catch (Exception e) when (Innermost(e) is RunInterruptedException stopped)
        {
            interrupted = stopped;
        }
        catch (Exception e) when (Innermost(e) is var cause && (cause is StepFailedException || HostFailure.Explain(cause) is not null))
        {
            Error(HostFailure.Explain(cause) ?? cause.Message);
        }
        finally
        {
            new CakeSpectreReportPrinter(AnsiConsole.Console).Write(executor.Report(order));
            record.Finish(experiment.Name, target, succeeded, clock.Elapsed.TotalSeconds);
        }
        if (interrupted is not null)
        {
            Say("[yellow]interrupted[/] " + Markup.Escape($"by {stop.Signal} in {clock.Elapsed.TotalSeconds:F2} s: " +
                $"{executor.Counts}; stopped {interrupted.Instances} (partial folders are kept). Resume with the same command: " +
                $"dotnet run --project build -- {string.Join(' ', args)}"));
            return stop.Signal == "SIGTERM" ? 143 : 130;
        }
        Say($"{(succeeded ? "done" : "[red]failed[/]")} in {clock.Elapsed.TotalSeconds:F2} s: {Markup.Escape(executor.Counts)}");
        return succeeded ? 0 : 1;
    }

    /// <summary>
    /// The command that reruns what failed: without --force, since what the forced run finished is committed and a
    /// forced instance that failed has left the store already (its step moves it to trash/ when it starts).
    /// </summary>
    static string Rerun(string[] args) =>
        $"dotnet run --project build -- {string.Join(' ', args.Where(a => !a.StartsWith("--force", StringComparison.Ordinal)))}";

    static void Error(string message) => Say("[red]error:[/] " + Markup.Escape(message));

    /// <summary>One line: coloured on a terminal; into a file or pipe whole, unwrapped, so paths and commands stay intact.</summary>
    static void Say(string markup)
    {
        if (Console.IsOutputRedirected)
            Console.WriteLine(markup.RemoveMarkup());
        else
            AnsiConsole.MarkupLine(markup);
    }

    /// <summary>Cake wraps a task's exception; the innermost one says what happened.</summary>
    static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
