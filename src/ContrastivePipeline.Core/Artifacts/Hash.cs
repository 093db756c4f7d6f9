using System.IO.Hashing;
using System.Text;

namespace ContrastivePipeline.Artifacts;

/// <summary>XxHash128 of text and files, as lowercase hex. Files are hashed streaming.</summary>
public static class Hash
{
    const int ReportEvery = 256 << 20;

    public static string OfText(string text) => Hex(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));

    public static string OfParts(params string[] parts) => OfText(string.Join("\n", parts));

    /// <param name="progress">Called with bytes done and total while a large file (over 256 MB) is read.</param>
    public static string OfFile(string path, Action<long, long>? progress = null)
    {
        var hash = new XxHash128();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 20];
        long done = 0, nextReport = ReportEvery;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
            done += read;
            if (done >= nextReport)
            {
                progress?.Invoke(done, stream.Length);
                nextReport += ReportEvery;
            }
        }
        return Hex(hash.GetCurrentHash());
    }

    public static string Short(string hash) => hash.Length > 8 ? hash[..8] : hash;

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
