using TorchSharp;

namespace ContrastivePipeline.Model;

/// <summary>
/// The Scalars our tensor code passes to libtorch. TorchSharp 0.107 frees a native Scalar in its finalizer and keeps
/// nothing alive during the native call, so a number it converts on the fly (<c>x * 0.5</c>, <c>add_(eps)</c>, the
/// alpha of 1 inside <c>x + y</c>) is garbage once its handle is read: a collection on another thread can free it
/// while libtorch reads it ("Expected false to be true ... toFloat", which killed a Score step in CI). So every
/// Scalar we pass is held: these constants for the life of the process, any other value by a <c>using</c> around the
/// call. <c>ScalarLifetimeTests</c> checks the compiled code for conversions and for TorchSharp calls that make them.
/// </summary>
internal static class Scalars
{
    public static readonly Scalar Zero = 0.ToScalar();
    public static readonly Scalar One = 1.ToScalar();
    public static readonly Scalar Two = 2.ToScalar();
    public static readonly Scalar NegativeInfinity = double.NegativeInfinity.ToScalar();
}
