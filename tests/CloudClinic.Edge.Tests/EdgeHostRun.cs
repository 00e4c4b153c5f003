namespace CloudClinic.Edge.Tests;

/// <summary>How one run of the built gateway host ended: its exit code and each output stream.</summary>
internal sealed record EdgeHostRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
