using NodaTime;
using Wane.Domain.Tapering;

namespace Wane.Domain.CheckIns;

/// <summary>
/// A plan's automatic holds worked out through <paramref name="Through"/> (<see cref="WithdrawalHolds.Settle"/>):
/// what a later day needs from the readings before it, besides the baseline and the latest of them.
/// </summary>
/// <param name="Through">The last day covered; a run still held that day ends on it.</param>
/// <param name="Holds">The held runs up to and including <paramref name="Through"/>, in date order.</param>
public sealed record SettledHolds(LocalDate Through, IReadOnlyList<Hold> Holds);
