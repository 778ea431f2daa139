// Writes diagnostics as a tiny MSBuild project whose <Error Code="NJxxxx"> tasks report them.
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;

namespace NumbaWeaver.Weaving.Diagnostics;

/// <summary>
/// Fody's own error API has no error code, so it prints <c>error : Fody/...</c>. To give users
/// MSBuild's canonical <c>File.cs(line,col): error NJ0301: message</c>, the weaver writes the
/// diagnostics as items of this file, next to the intermediate assembly; NumbaWeaver.Fody.targets
/// reads them right after Fody and logs each with its code, which fails the build (and keeps the re-weave marker, so the next build fails too).
/// </summary>
public static class MsBuildDiagnosticsFile
{
    public const string FileName = "numbaweaver.diagnostics.proj";

    public static string Write(string intermediateDirectory, IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        sb.Append("<Project>\n  <ItemGroup>\n");
        int n = 0;
        foreach (var d in diagnostics)
        {
            sb.Append("    <NumbaDiagnostic Include=\"").Append(n++).Append("\" Code=\"").Append(d.Code).Append('"');
            var sp = d.SequencePoint;
            if (sp != null)
            {
                sb.Append(" File=\"").Append(Escape(sp.Document.Url)).Append('"')
                  .Append(" Line=\"").Append(sp.StartLine).Append('"')
                  .Append(" Column=\"").Append(sp.StartColumn).Append('"')
                  .Append(" EndLine=\"").Append(sp.EndLine).Append('"')
                  .Append(" EndColumn=\"").Append(sp.EndColumn).Append('"');
            }
            sb.Append(" Text=\"").Append(Escape(d.Message)).Append("\" />\n");
        }
        sb.Append("  </ItemGroup>\n  <Target Name=\"Report\" Returns=\"@(NumbaDiagnostic)\" />\n</Project>\n");
        var path = Path.Combine(intermediateDirectory, FileName);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>XML-escapes, then escapes MSBuild's special characters so the text prints verbatim.</summary>
    private static string Escape(string s)
    {
        var msbuild = new StringBuilder();
        foreach (char c in s)
        {
            switch (c)
            {
                case '%': msbuild.Append("%25"); break;
                case '$': msbuild.Append("%24"); break;
                case '@': msbuild.Append("%40"); break;
                case ';': msbuild.Append("%3B"); break;
                case '\'': msbuild.Append("%27"); break;
                case '*': msbuild.Append("%2A"); break;
                case '?': msbuild.Append("%3F"); break;
                default: msbuild.Append(c); break;
            }
        }
        return SecurityElement.Escape(msbuild.ToString()) ?? "";
    }
}
