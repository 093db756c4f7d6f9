// MSBuild inline task (compiled by RoslynCodeTaskFactory from Directory.Build.targets; not part of Build.csproj).
// Sets VER_FLG_WEAK on one version requirement in an ELF64 file's .gnu.version_r section, so the dynamic loader
// accepts the library on a system whose libstdc++ lacks that version. Does nothing where the system has it.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionRequirement : Task
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        if (SystemLibstdcxxHas(Version))
            return true;
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            var offset = FindRequirementFlags(bytes, Version);
            if (offset < 0)
                continue;
            var flags = BitConverter.ToUInt16(bytes, offset);
            if ((flags & VerFlgWeak) != 0)
                continue;
            bytes[offset] = (byte)(flags | VerFlgWeak);
            File.WriteAllBytes(path, bytes);
            Log.LogMessage(MessageImportance.High, $"Marked {Version} weak in {path} (system libstdc++ lacks it).");
        }
        return true;
    }

    static bool SystemLibstdcxxHas(string version)
    {
        foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu" })
        {
            var lib = Path.Combine(dir, "libstdc++.so.6");
            if (File.Exists(lib))
                return Encoding.ASCII.GetString(File.ReadAllBytes(lib)).Contains(version + "\0");
        }
        return true; // not a glibc system we know: leave the file alone
    }

    // Returns the file offset of vna_flags of the Vernaux entry named `version`, or -1.
    static int FindRequirementFlags(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2)
            return -1;
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = (int)(shoff + i * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed)
                continue;
            var offset = (int)BitConverter.ToUInt64(elf, sh + 0x18);
            var strtabHeader = (int)(shoff + BitConverter.ToUInt32(elf, sh + 0x28) * shentsize);
            var strtab = (int)BitConverter.ToUInt64(elf, strtabHeader + 0x18);
            var count = BitConverter.ToUInt32(elf, sh + 0x2C);
            for (var need = offset; count-- > 0; )
            {
                int auxCount = BitConverter.ToUInt16(elf, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (var j = 0; j < auxCount; j++)
                {
                    if (ReadString(elf, strtab + (int)BitConverter.ToUInt32(elf, aux + 8)) == version)
                        return aux + 4;
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }
        return -1;
    }

    static string ReadString(byte[] bytes, int start)
    {
        var end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }
}
