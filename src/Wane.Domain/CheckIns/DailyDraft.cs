namespace Wane.Domain.CheckIns;

/// <summary>A daily check-in as entered, before validation.</summary>
/// <param name="Pain">Pain, 0–10 (optional when a red flag is reported; so are sleep, mood and craving).</param>
/// <param name="Sleep">Sleep, 1–5.</param>
/// <param name="Mood">Mood, 1–5.</param>
/// <param name="Craving">Craving, 0–10.</param>
/// <param name="Note">Optional note.</param>
/// <param name="RedFlags">Red flags by wire name ("self-harm", "seizure", "fainting", "chest-pain", "breathing", "confusion", "liver").</param>
public sealed record DailyDraft(int? Pain, int? Sleep, int? Mood, int? Craving, string? Note, IReadOnlyList<string>? RedFlags);
