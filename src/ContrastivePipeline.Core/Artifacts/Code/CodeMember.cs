using System.Reflection.Metadata;

namespace ContrastivePipeline.Artifacts.Code;

/// <summary>A type, method or field defined in one of the hashed assemblies (index into <see cref="CodeModel"/>'s list).</summary>
internal readonly record struct CodeMember(int Assembly, EntityHandle Handle);
