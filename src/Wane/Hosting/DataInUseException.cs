namespace Wane.Hosting;

/// <summary>
/// The data folder's lock is held by the other side: a server when restoring, a restore when starting a
/// server (<see cref="DataLock"/>). The CLI prints the message and exits 2.
/// </summary>
internal sealed class DataInUseException(string message) : Exception(message);
