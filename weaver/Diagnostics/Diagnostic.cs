// A problem found while translating an [Njit] method: a stable code, a message and the source position.
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Diagnostics;

/// <summary>
/// One build error about code that cannot be compiled natively. The driver turns it into a
/// <c>WeavingException</c> whose sequence point makes MSBuild print <c>File.cs(line,col): error</c>.
/// </summary>
public sealed class Diagnostic
{
    public Diagnostic(string code, string message, MethodDefinition method, SequencePoint? sequencePoint)
    {
        Code = code;
        Message = message;
        Method = method;
        SequencePoint = sequencePoint;
    }

    /// <summary>One of <see cref="DiagnosticCodes"/>, e.g. <c>NJ0301</c>.</summary>
    public string Code { get; }

    /// <summary>"&lt;construct&gt; is not supported in [Njit] code ...: &lt;what to do instead&gt;", naming the method.</summary>
    public string Message { get; }

    /// <summary>Where the offending code is; null when the assembly has no symbols.</summary>
    public SequencePoint? SequencePoint { get; }

    /// <summary>The method whose body (or signature) holds the problem.</summary>
    public MethodDefinition Method { get; }

    /// <summary>The line, or 0 when unknown.</summary>
    public int Line => SequencePoint?.StartLine ?? 0;

    /// <summary>MSBuild's canonical form: <c>File.cs(12,9): error NJ0301: message</c>.</summary>
    public override string ToString()
    {
        string where = SequencePoint == null
            ? ""
            : $"{SequencePoint.Document.Url}({SequencePoint.StartLine},{SequencePoint.StartColumn}): ";
        return $"{where}error {Code}: {Message}";
    }
}
