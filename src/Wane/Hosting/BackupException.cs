namespace Wane.Hosting;

/// <summary>A backup or restore that cannot go on, for a reason the admin can act on (the CLI exits 1 with it).</summary>
internal sealed class BackupException : Exception
{
    public BackupException(string message) : base(message) { }

    public BackupException() { }

    public BackupException(string message, Exception innerException) : base(message, innerException) { }
}
