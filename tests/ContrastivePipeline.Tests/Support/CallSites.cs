using System.Reflection;
using System.Reflection.Emit;

namespace ContrastivePipeline.Tests.Support;

/// <summary>
/// The methods a compiled method calls, read from its IL (call, callvirt, newobj, ldftn). Reflection gives no such
/// list and the package source has no IL reader (Mono.Cecil), so this walks the opcodes with the sizes that
/// <see cref="OpCodes"/> declares.
/// </summary>
internal static class CallSites
{
    const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                  BindingFlags.Static | BindingFlags.DeclaredOnly;

    static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every method and constructor with a body in the assembly, nested and compiler-made types included.</summary>
    public static IEnumerable<MethodBase> MethodsOf(Assembly assembly) =>
        assembly.GetTypes().SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)));

    /// <summary>The methods <paramref name="method"/> calls, generic instances as their definitions.</summary>
    public static IEnumerable<MethodBase> Of(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? Codes[(short)(0xFE00 | il[i + 1])] : Codes[il[i]];
            i += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
                yield return Definition(method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments)!);
            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    static MethodBase Definition(MethodBase method) =>
        method is MethodInfo { IsGenericMethod: true, IsGenericMethodDefinition: false } generic
            ? generic.GetGenericMethodDefinition()
            : method;
}
