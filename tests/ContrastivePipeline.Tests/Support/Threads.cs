namespace ContrastivePipeline.Tests.Support;

/// <summary>Races: runs one body per thread, all released at the same moment, and returns what each returned.</summary>
internal static class Threads
{
    public static T?[] AllAtOnce<T>(int count, Func<int, T?> body) where T : class
    {
        var results = new T?[count];
        var errors = new Exception?[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                results[i] = body(i);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (errors.OfType<Exception>().FirstOrDefault() is { } error)
            throw new AggregateException(error);
        return results;
    }
}
