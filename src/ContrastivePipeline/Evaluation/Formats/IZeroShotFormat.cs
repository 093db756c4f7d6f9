using System.Text.Json;

namespace ContrastivePipeline.Evaluation.Formats;

/// <summary>One BabyLM 2025 zero-shot format: the sub-folder it lives in and how one JSONL row becomes an item.</summary>
internal interface IZeroShotFormat
{
    string Folder { get; }

    string Task { get; }

    ZeroShotItem Decode(JsonElement row, string fileStem, string item);
}
