using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Packaging;
using Cake.Core.Tooling;

namespace ContrastivePipeline.Build.Host;

/// <summary>The Cake services Frosting would wire through its container, built by hand from Cake.Core 7.0.0.</summary>
internal sealed class CakeServices
{
    public CakeServices(Arguments arguments, string root)
    {
        var fileSystem = new FileSystem();
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        environment.WorkingDirectory = root;
        var console = new CakeConsole(environment);
        Console = System.Console.IsOutputRedirected ? new PlainConsole(console) : console;
        Log = new CakeBuildLog(Console, Enum.TryParse<Verbosity>(arguments.Verbosity, true, out var v) ? v : Verbosity.Normal);
        var overrides = arguments.All.Where(g => g.Key.Contains('_')).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        Configuration = new CakeConfigurationProvider(fileSystem, environment).CreateConfiguration(root, overrides);
        var globber = new Globber(fileSystem, environment);
        var tools = new ToolLocator(environment, new ToolRepository(environment),
            new ToolResolutionStrategy(fileSystem, environment, globber, Configuration, Log));
        Engine = new CakeEngine(new CakeDataService(), Log);
        Context = new CakeContext(fileSystem, environment, globber, Log, new CakeArguments(arguments.All), new ProcessRunner(
            fileSystem, environment, Log, tools, Configuration), new WindowsRegistry(), tools, new CakeDataService(),
            Configuration, new NoToolInstaller(), new NoServices());
    }

    public IConsole Console { get; }
    public ICakeLog Log { get; }
    public ICakeConfiguration Configuration { get; }

    public ICakeEngine Engine { get; }
    public ICakeContext Context { get; }

    sealed class NoToolInstaller : IToolInstaller
    {
        public IEnumerable<FilePath> Install(PackageReference tool) =>
            throw new NotSupportedException("this host installs no tools; packages come from Directory.Packages.props");
    }

    sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
