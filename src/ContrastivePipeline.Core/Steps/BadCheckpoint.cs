namespace ContrastivePipeline.Steps;

/// <summary>
/// What contrastive decoding needs of a BAD model, resolved by the host from its kind: which checkpoint of the run given
/// as input <c>bad</c> to load, and the attention dropout to sample it with (0 but for the dropout BAD).
/// </summary>
public sealed record BadCheckpoint(int Step, double Dropout);
