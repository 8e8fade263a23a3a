namespace Wane.Domain.CheckIns;

/// <summary>The kinds of check-in Wane offers. Wire names: "sows", "cows", "daily".</summary>
public enum InstrumentKind
{
    /// <summary>The 16-item Subjective Opiate Withdrawal Scale (Handelsman 1987), self-rated, 0–64.</summary>
    Sows,
    /// <summary>The 11-item Clinical Opiate Withdrawal Scale (Wesson &amp; Ling 2003), observer-rated, 0–48.</summary>
    Cows,
    /// <summary>The daily check-in: pain, sleep, mood, craving, a note and red flags. Not a scored instrument.</summary>
    Daily,
}
