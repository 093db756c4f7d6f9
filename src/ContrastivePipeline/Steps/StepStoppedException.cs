namespace ContrastivePipeline.Steps;

/// <summary>A step stopped on a signal after saving where it got to (<see cref="StopRequest"/>); it is not a failure.</summary>
internal sealed class StepStoppedException(string message) : Exception(message);
