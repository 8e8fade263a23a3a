namespace Wane.Domain.CheckIns;

/// <summary>A scored instrument: its total, the highest possible total and the band it falls in.</summary>
/// <param name="Total">The sum of the item scores.</param>
/// <param name="Max">The instrument's highest possible total.</param>
/// <param name="Band">The band the total falls in; show it with the instrument's band source.</param>
public sealed record Score(int Total, int Max, Band? Band);
