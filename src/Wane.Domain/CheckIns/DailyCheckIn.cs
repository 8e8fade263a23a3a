namespace Wane.Domain.CheckIns;

/// <summary>
/// A validated daily check-in. The ratings are all present unless a red flag was reported: a
/// red flag is saved on its own, so the crisis path never waits for the rest of the form.
/// </summary>
/// <param name="Pain">Pain, 0 (none) to 10 (worst imaginable); null only with a red flag.</param>
/// <param name="Sleep">Last night's sleep, 1 (very poor) to 5 (very good); null only with a red flag.</param>
/// <param name="Mood">Mood today, 1 (very low) to 5 (very good); null only with a red flag.</param>
/// <param name="Craving">Craving, 0 (none) to 10 (strongest); null only with a red flag.</param>
/// <param name="Note">A free-text note (trimmed; null when empty), at most <see cref="DailyCheckIns.MaxNoteLength"/> characters.</param>
/// <param name="RedFlags">Red flags reported, distinct, in the order given. See <see cref="RedFlags.ResourcesFor"/>.</param>
public sealed record DailyCheckIn(int? Pain, int? Sleep, int? Mood, int? Craving, string? Note, IReadOnlyList<RedFlag> RedFlags);
