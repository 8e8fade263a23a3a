namespace Wane.Domain.Journal;

/// <summary>Why a dose was taken (rule R1: only when needed).</summary>
public enum DoseReason
{
    /// <summary>Pain.</summary>
    Pain,
    /// <summary>Withdrawal symptoms.</summary>
    Withdrawal,
    /// <summary>Energy.</summary>
    Energy,
    /// <summary>Mood.</summary>
    Mood,
    /// <summary>Something else.</summary>
    Other,
}
