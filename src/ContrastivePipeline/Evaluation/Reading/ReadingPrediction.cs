namespace ContrastivePipeline.Evaluation.Reading;

/// <summary>A model's surprisal (nats) of a reading row's word and of its previous word (NaN when there is none).</summary>
internal sealed record ReadingPrediction(int Index, string Word, double Surprisal, double PrevSurprisal);
