using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Import;

/// <summary>
/// The import page: upload a file for a dry run, read the report, then confirm. Between the two steps
/// the file waits in the database for 15 minutes (<c>pending_imports</c>), under a random key tied to the
/// person, so the confirmation may reach another node than the check did (ADR 0022).
/// </summary>
[RequestSizeLimit(ImportLimits.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxBytes + (1024 * 1024))]
internal sealed class ImportModel(ImportFile importer, WaneDb db, IClock clock) : FormPage
{
    private static readonly Duration Wait = Duration.FromMinutes(15);

    public ImportReport? Report { get; private set; }
    public string? Key { get; private set; }
    public string Format { get; private set; } = "wane";

    public IReadOnlyList<ErrorLink> ErrorLinks =>
        [.. Errors.Select(e => new ErrorLink(e.Key == "format" ? "#format-wane" : "#file", $"{(e.Key == "format" ? "Format" : "File")}: {e.Value}"))];

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, string? format, CancellationToken ct)
    {
        Format = format ?? "wane";
        if (ImportFile.ParseFormat(format) is not Outcome<ImportFormat>.Ok(var which))
        {
            AddErrors([new FieldError("format", ImportFile.FormatHelp)]);
            return Page();
        }
        if (file is null || file.Length == 0)
        {
            AddErrors([new FieldError("file", "Choose a file to import.")]);
            return Page();
        }
        try
        {
            if (file.Length > ImportLimits.MaxBytes)
            {
                throw new ImportFileException(new FieldError("file", ImportLimits.TooLargeText), tooLarge: true);
            }
            await using var stream = file.OpenReadStream();
            var bytes = await ImportLimits.ReadAsync(stream, file.Length, ct).ConfigureAwait(false);
            Report = await importer.HandleAsync(User.Id(), which, bytes, new ImportOptions(DryRun: true, ValidOnly: false), ct).ConfigureAwait(false);
            Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var now = clock.GetCurrentInstant();
            await db.PendingImports.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var pending = new PendingImport { UserId = User.Id(), KeyHash = Hash(Key), Format = which.ToString(), Bytes = bytes, ExpiresAt = now + Wait };
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.Entry(pending).State = EntityState.Detached;
        }
        catch (ImportFileException e)
        {
            AddErrors([e.Error]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? key, bool validOnly, CancellationToken ct)
    {
        var userId = User.Id();
        var hash = key is null ? "" : Hash(key);
        var now = clock.GetCurrentInstant();
        var pending = key is null ? null : await db.PendingImports.AsNoTracking()
            .SingleOrDefaultAsync(p => p.KeyHash == hash && p.UserId == userId && p.ExpiresAt > now, ct).ConfigureAwait(false);
        if (pending is null || !Enum.TryParse<ImportFormat>(pending.Format, out var format))
        {
            AddErrors([new FieldError("file", "That check has expired (files wait 15 minutes). Choose the file again.")]);
            return Page();
        }
        Report = await importer.HandleAsync(userId, format, pending.Bytes, new ImportOptions(DryRun: false, validOnly), ct).ConfigureAwait(false);
        if (Report.Stored)
        {
            await db.PendingImports.Where(p => p.Id == pending.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }
        else
        {
            Key = key;
        }
        return Page();
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
