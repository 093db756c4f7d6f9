using System.Text;

namespace ContrastivePipeline.Corpus;

/// <summary>The corpus text format: documents separated by one empty line (as the paper's loader groups lines).</summary>
internal static class Documents
{
    public static List<string> Split(string text)
    {
        var documents = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }
            if (current.Length > 0)
                current.Append('\n');
            current.Append(line.TrimEnd());
        }
        Flush();
        return documents;

        void Flush()
        {
            if (current.Length > 0)
                documents.Add(current.ToString());
            current.Clear();
        }
    }

    public static void Write(string path, IEnumerable<string> documents) =>
        File.WriteAllText(path, string.Join("\n\n", documents) + "\n");

    public static List<string> Read(string path) => Split(File.ReadAllText(path));

    public static int Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
