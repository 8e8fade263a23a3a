using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Wane.Domain;
using Wane.Features.Common;

namespace Wane.Features.Import;

/// <summary>
/// The import page: upload a file for a dry run, read the report, then confirm. Between the two steps
/// the file waits in this server's memory for 15 minutes, under a random key tied to the person.
/// </summary>
[RequestSizeLimit(ImportLimits.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxBytes + (1024 * 1024))]
internal sealed class ImportModel(ImportFile importer, IMemoryCache cache) : FormPage
{
    private sealed record Pending(string UserId, ImportFormat Format, byte[] Bytes);

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
            var bytes = await ImportLimits.ReadAsync(stream, ct).ConfigureAwait(false);
            Report = await importer.HandleAsync(User.Id(), which, bytes, new ImportOptions(DryRun: true, ValidOnly: false), ct).ConfigureAwait(false);
            Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            cache.Set(Key, new Pending(User.Id(), which, bytes), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15) });
        }
        catch (ImportFileException e)
        {
            AddErrors([e.Error]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? key, bool validOnly, CancellationToken ct)
    {
        if (key is null || !cache.TryGetValue(key, out Pending? pending) || pending is null || pending.UserId != User.Id())
        {
            AddErrors([new FieldError("file", "That check has expired (files wait 15 minutes). Choose the file again.")]);
            return Page();
        }
        Report = await importer.HandleAsync(User.Id(), pending.Format, pending.Bytes, new ImportOptions(DryRun: false, validOnly), ct).ConfigureAwait(false);
        if (Report.Stored)
        {
            cache.Remove(key);
        }
        else
        {
            Key = key;
        }
        return Page();
    }
}
