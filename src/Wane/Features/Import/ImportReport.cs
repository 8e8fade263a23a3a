using Wane.Domain;

namespace Wane.Features.Import;

/// <summary>How many records of one kind an import adds, skips (already there) and rejects.</summary>
public sealed record ImportCount(string Kind, int Add, int Skip, int Reject);

/// <summary>One record of the file that cannot be imported: where it is (a JSON path) and why.</summary>
public sealed record ImportRejection(string Path, string Reason);

/// <summary>One record of the file left out because it is already there: where it is and what it matched.</summary>
public sealed record ImportSkip(string Path, string Reason);

/// <summary>
/// What an import did, or would do on a dry run: counts per kind, every rejected record with its
/// path and reason, the skipped records (the first 200) with what each matched, and notes on what was left as it was.
/// </summary>
public sealed record ImportReport(
    string Format, bool DryRun, bool Stored, IReadOnlyList<ImportCount> Counts,
    IReadOnlyList<ImportRejection> Rejected, IReadOnlyList<ImportSkip> SkippedRecords, IReadOnlyList<string> Notes)
{
    public int Added => Counts.Sum(c => c.Add);
    public int Skipped => Counts.Sum(c => c.Skip);
    public int RejectedCount => Counts.Sum(c => c.Reject);

    /// <summary>The rejections as field errors, for a problem answer when nothing was stored.</summary>
    internal IReadOnlyList<FieldError> AsErrors() => [.. Rejected.Select(r => new FieldError(r.Path, r.Reason))];
}

/// <summary>A file that cannot be read at all (too big, not UTF-8, not JSON, a wrong version).</summary>
internal sealed class ImportFileException(FieldError error, bool tooLarge = false) : Exception(error.Message)
{
    public FieldError Error { get; } = error;
    public bool TooLarge { get; } = tooLarge;
}
