namespace ContrastivePipeline.Steps;

/// <summary>A failure the user can fix (bad input file, NaN loss): printed as one clear message, without a stack trace.</summary>
internal sealed class StepException(string message) : Exception(message);
