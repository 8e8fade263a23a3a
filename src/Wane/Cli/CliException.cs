using Wane.Domain;

namespace Wane.Cli;

/// <summary>A usage or validation error: printed on stderr, exit code 1.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message) : base(message) { }

    public CliException(IEnumerable<FieldError> errors) : base(string.Join(Environment.NewLine, errors.Select(e => $"{e.Field}: {e.Message}"))) { }

    public CliException() { }

    public CliException(string message, Exception innerException) : base(message, innerException) { }
}
