namespace ContrastivePipeline.Steps;

/// <summary>
/// A step started by a local build host stops when that host dies. The host holds the write end of the step's stdin, so
/// its death, even by SIGKILL, shows up here as the end of that stream; the step then kills itself before it can commit,
/// leaving its partial folder for the next run to resume.
/// </summary>
internal static class HostWatch
{
    public static void Start(string instance)
    {
        var thread = new Thread(() =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[64];
            while (stdin.Read(buffer) > 0)
            {
            }
            Console.Error.WriteLine($"[{instance}] the build host is gone: stopping; the partial folder is kept for the next run to resume");
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            self.Kill();
        })
        { IsBackground = true, Name = "host watch" };
        thread.Start();
    }
}
