using System.Globalization;

namespace ContrastivePipeline.Evaluation.Reading;

/// <summary>Reads reading/reading_data.csv by column name (the BabyLM 2025 layout; extra columns are ignored).</summary>
/// <remarks>
/// Every row is one target word with its own context: "item" is the sentence up to the word and "prev_item" the
/// sentence up to the previous word, so rows need no grouping by sentence (sent_id) to get their surprisal.
/// </remarks>
internal static class ReadingTable
{
    public const string FileName = "reading_data.csv";

    public static IReadOnlyList<ReadingRow> Load(string path)
    {
        var rows = Csv.Parse(File.ReadAllText(path));
        if (rows.Count == 0)
            throw new InvalidDataException($"{path}: empty file");
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name) is var at and >= 0
            ? at
            : throw new InvalidDataException($"{path}: no column \"{name}\"");
        int index = 0, item = Column("item"), word = Column("word"), prevItem = Column("prev_item"), prevWord = Column("prev_word"),
            frequency = Column("Subtlex_log10"), length = Column("length"), context = Column("context_length"),
            prevLength = Column("prev_length"), firstFix = Column("RTfirstfix"), firstPass = Column("RTfirstpass"),
            goPast = Column("RTgopast"), rightBound = Column("RTrightbound"), selfPaced = Column("self_paced_reading_time");
        return rows.Skip(1).Where(r => r.Length > 1 || r[0].Length > 0).Select((r, n) =>
        {
            if (r.Length != header.Length)
                throw new InvalidDataException($"{path}: data row {n + 1} has {r.Length} fields, the header {header.Length}");
            double Number(int column) => r[column].Length == 0 || r[column] is "NA" or "nan" or "NaN"
                ? double.NaN
                : double.Parse(r[column], CultureInfo.InvariantCulture);
            var id = header[index].Length == 0 && int.TryParse(r[index], CultureInfo.InvariantCulture, out var v) ? v : n;
            return new ReadingRow(id, r[item], r[word], r[prevItem], r[prevWord], Number(frequency), Number(length),
                Number(context), Number(prevLength), Number(firstFix), Number(firstPass), Number(goPast),
                Number(rightBound), Number(selfPaced));
        }).ToList();
    }
}
