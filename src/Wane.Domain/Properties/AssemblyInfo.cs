using System.Runtime.CompilerServices;

// The domain tests exercise internal helpers (the engine's window search, shared rule arithmetic).
[assembly: InternalsVisibleTo("Wane.Domain.Tests")]
