using ContrastivePipeline.Configuration;
using ContrastivePipeline.Model;

namespace ContrastivePipeline.Training;

/// <summary>
/// <c>state.json</c> of a checkpoint: how far the run got and what it needs to continue bit-identically.
/// <see cref="DataPosition"/> is the index of the next batch; <see cref="RngState"/> is libtorch's CPU generator;
/// <see cref="Hashes"/> are those of the checkpoint's other files, written after them, so a resume can tell a damaged
/// file from a good one, and <see cref="Metrics"/> that of the lines of <c>metrics.jsonl</c> up to <see cref="Step"/>,
/// which a resume keeps. The file carries its own seal (<see cref="SealedJson"/>).
/// </summary>
internal sealed record CheckpointState(
    long Step, long DataPosition, double Loss, int Seed, ModelShape Shape, TrainConfig Train, string RngState,
    SortedDictionary<string, string>? Hashes = null, string? Metrics = null);
