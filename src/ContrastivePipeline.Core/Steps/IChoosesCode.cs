namespace ContrastivePipeline.Steps;

/// <summary>
/// Settings that choose which of several classes their step runs (Generate's strategy picks one Decoding class, by
/// the strategy type its constructor takes): a class that only another choice would run is not in the step's code key,
/// so an edit to contrastive decoding reruns no ancestral corpus (Artifacts/CodeHash).
/// </summary>
public interface IChoosesCode
{
    /// <summary>The chosen types (a strategy's type), of the Core or the step CLI.</summary>
    IEnumerable<Type> ChosenCode();
}
