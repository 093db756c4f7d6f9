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

    /// <summary>Parse, plan, execute; each part that can end the run early says so with null (or its exit code).</summary>
    static int RunChecked(string[] args, string? root)
    {
        var clock = Stopwatch.StartNew();
        if (Parse(args, root, out var exit) is not { } request)
            return exit;
        root ??= Paths.FindRoot(Environment.CurrentDirectory, AppContext.BaseDirectory);
        var cake = new CakeServices(request.Arguments, root);
        if (request.Arguments.Tree || request.Arguments.Description)
            return Show(cake, request);
        if (Load(request.Arguments, root) is not { } experiment)
            return 1;
        var context = BuildContext.Create(cake, request.Arguments, root, experiment);
        context.Command = $"dotnet run --project build -- {string.Join(' ', args)}";
        if (Choose(cake, request, context) is not { } machine)
            return 2;
        if (Plan(context, request, root) is not { } planned)
            return 1;
        if (request.Arguments.DryRun)
        {
            machine.Launcher.DescribeDryRun(planned.Steps, machine.ThreadsOf, machine.Resources.For);
            return 0;
        }
        return Execute(cake, request, machine, planned, clock);
    }

    /// <summary>
    /// The switches and the tasks they run, dependencies first (only the target with --exclusive); null with the exit
    /// code when a store verb ran instead, or with 2 when a switch is wrong.
    /// </summary>
    static Request? Parse(string[] args, string? root, out int exit)
    {
        exit = 2;
        try
        {
            var arguments = Arguments.Parse(args);
            if (Store.StoreVerbs.Handles(arguments.Target))
            {
                exit = Store.StoreVerbs.Run(arguments, root ?? Paths.FindRoot(Environment.CurrentDirectory, AppContext.BaseDirectory));
                return null;
            }
            var graph = new TaskGraph(typeof(PipelineHost).Assembly.GetTypes());
            IReadOnlyList<string> order = arguments.Exclusive ? [TaskGraph.NameOf(graph[arguments.Target])] : graph.Order(arguments.Target);
            if (arguments.Force is { } force && !order.Contains(TaskGraph.NameOf(graph[force])))
                throw new ArgumentException($"--force={force} is not part of the run up to {arguments.Target}");
            return new Request(args, arguments, graph, order, TaskGraph.NameOf(graph[arguments.Target]));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Error(e.Message);
            return null;
        }
    }

    /// <summary>--tree or --description: Cake prints the graph or the tasks; nothing is planned.</summary>
    static int Show(CakeServices cake, Request request)
    {
        // Cake's tree and description hosts read the tasks and run none of them.
        Register(cake, request.Graph, _ => { });
        if (request.Arguments.Tree)
            new TreeScriptHost(cake.Engine, cake.Context, cake.Console).RunTargetAsync(request.Target).GetAwaiter().GetResult();
        else
            new DescriptionScriptHost(cake.Engine, cake.Context, AnsiConsole.Console).RunTargetAsync(request.Target).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>One Cake task per task class, with its description and dependencies; <paramref name="execute"/> is its action.</summary>
    static void Register(CakeServices cake, TaskGraph graph, Action<string> execute)
    {
        foreach (var name in graph.Names)
        {
            var builder = cake.Engine.RegisterTask(name).Description(TaskGraph.DescriptionOf(graph[name]));
            foreach (var dependency in graph.Dependencies(name))
                builder.IsDependentOn(dependency);
            builder.Does(() => execute(name));
        }
    }

    /// <summary>The experiment file, loaded and checked; null when it is refused.</summary>
    static Experiment? Load(Arguments arguments, string root)
    {
        try
        {
            return ExperimentLoader.Load(Paths.ExperimentFile(arguments.Experiment, root), root);
        }
        catch (ConfigException e)
        {
            Error(e.Message);
            return null;
        }
    }

    /// <summary>The launcher (--executor), its device slots and each task's cluster resources; null when a setting is wrong.</summary>
    static Machine? Choose(CakeServices cake, Request request, BuildContext context)
    {
        try
        {
            var (launcher, slots) = Launching.Choose(cake.Configuration, request.Arguments, context.Paths, context.Toolchain.Device);
            var resources = new ClusterResources(cake.Configuration.GetValue, context.Experiment, request.Graph.Names);
            return new Machine(launcher, slots, resources, context.Paths, context.Threads);
        }
        catch (ArgumentException e)
        {
            Error(e.Message);
            return null;
        }
    }

    /// <summary>The plan, printed (and written to --plan); null when the store cannot make room for it.</summary>
    static Planned? Plan(BuildContext context, Request request, string root)
    {
        var (arguments, graph, order) = (request.Arguments, request.Graph, request.Order);
        var forced = arguments.Force is { } f ? graph.Downstream(f, order) : new HashSet<string>();
        var record = new RunRecord(context.Paths.Run(context.Experiment.Name));
        // --exclusive runs only the target's instances, but plans its dependencies too: their artifacts are its inputs.
        var tasks = graph.Order(arguments.Target).Select(n => (n, (PipelineTask)Activator.CreateInstance(graph[n])!)).ToList();
        var plan = Planner.Plan(context, tasks, forced, record).Where(p => order.Contains(p.Instance.Task)).ToList();
        if (arguments.PlanFile is { } planFile)
            Json.Write(Path.GetFullPath(Path.Combine(root, planFile)), plan.Select(p => p.Entry).ToList());
        PlanPrinter.Print(plan.Select(p => p.Entry));
        if (Store.Retention.Prepare(context, graph, plan) is { } dropped)
        {
            Error(dropped);
            return null;
        }
        return new Planned(context, tasks, plan, record);
    }

    /// <summary>Runs the plan under Cake and says how it ended: done, failed, or interrupted by a signal.</summary>
    static int Execute(CakeServices cake, Request request, Machine machine, Planned planned, Stopwatch clock)
    {
        var (arguments, context, record) = (request.Arguments, planned.Context, planned.Record);
        context.Paths.CheckWritable();
        record.Start(ExperimentLoader.Resolve(context.Experiment));
        using var stop = new StopSignals();
        var scheduler = new Scheduler(context, planned.Tasks, planned.Steps, record, machine.Launcher, machine.Slots, machine.Shape,
            new Scheduler.Options(arguments.FailFast, Rerun(request.Args), arguments.Retries), stop.Token);
        Register(cake, request.Graph, scheduler.Execute);
        var (succeeded, interrupted) = RunTarget(cake, request, scheduler, planned, clock);
        if (interrupted is not null)
        {
            Say("[yellow]interrupted[/] " + Markup.Escape($"by {stop.Signal} in {clock.Elapsed.TotalSeconds:F2} s: " +
                $"{scheduler.Counts}; stopped {interrupted.Instances} (partial folders are kept). Resume with the same command: " +
                $"dotnet run --project build -- {string.Join(' ', request.Args)}"));
            return stop.Signal == "SIGTERM" ? 143 : 130;
        }
        Say($"{(succeeded ? "done" : "[red]failed[/]")} in {clock.Elapsed.TotalSeconds:F2} s: {Markup.Escape(scheduler.Counts)}");
        return succeeded ? 0 : 1;
    }

    /// <summary>Cake runs the target; its report and the run's summary are written however the run ends.</summary>
    static (bool Succeeded, RunInterruptedException? Interrupted) RunTarget(CakeServices cake, Request request, Scheduler scheduler,
        Planned planned, Stopwatch clock)
    {
        var succeeded = false;
        try
        {
            var settings = new ExecutionSettings().SetTarget(request.Target);
            if (request.Arguments.Exclusive)
                settings.UseExclusiveTarget();
            cake.Engine.RunTargetAsync(cake.Context, new DefaultExecutionStrategy(cake.Log, new CakeSpectreReportPrinter(AnsiConsole.Console)), settings)
                .GetAwaiter().GetResult();
            succeeded = true;
            return (true, null);
        }
        catch (Exception e) when (Innermost(e) is RunInterruptedException stopped)
        {
            return (false, stopped);
        }
        catch (Exception e) when (Innermost(e) is var cause && (cause is StepFailedException || HostFailure.Explain(cause) is not null))
        {
            Error(HostFailure.Explain(cause) ?? cause.Message);
            return (false, null);
        }
        finally
        {
            new CakeSpectreReportPrinter(AnsiConsole.Console).Write(scheduler.Report(request.Order));
            planned.Record.Finish(planned.Context.Experiment.Name, request.Target, succeeded, clock.Elapsed.TotalSeconds);
        }
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

    /// <summary>The command line, its switches, and the tasks it runs in order, up to <paramref name="Target"/>.</summary>
    sealed record Request(string[] Args, Arguments Arguments, TaskGraph Graph, IReadOnlyList<string> Order, string Target);

    /// <summary>What this machine runs instances with (cake.config's machine settings, or their switches).</summary>
    sealed record Machine(ILauncher Launcher, DeviceSlots Slots, ClusterResources Resources, Paths Paths, int Threads)
    {
        public int ThreadsOf(string task) => Launcher.Threads(Resources.For(task), Threads, Slots);

        public Launch Shape(StepInstance instance) => Launching.Shape(instance, Paths, ThreadsOf(instance.Task), Resources.For(instance.Task));
    }

    /// <summary>The plan of one experiment: its context, the task classes (dependencies first), the step instances, the run record.</summary>
    sealed record Planned(BuildContext Context, List<(string Name, PipelineTask Task)> Tasks, List<PlannedStep> Steps, RunRecord Record);
}
