namespace Wane.Domain.CheckIns;

/// <summary>Validation of the daily check-in.</summary>
public static class DailyCheckIns
{
    /// <summary>Longest note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Checks a draft; returns the check-in or every problem found.</summary>
    public static (DailyCheckIn? CheckIn, IReadOnlyList<FieldError> Errors) Validate(DailyDraft draft) =>
        throw new NotImplementedException();
}
