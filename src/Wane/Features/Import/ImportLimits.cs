using System.Text;
using Wane.Domain;

namespace Wane.Features.Import;

/// <summary>Reads an upload into memory once, refusing files over the size limit and text that is not UTF-8.</summary>
internal static class ImportLimits
{
    /// <summary>The largest file taken: 20 MB, some 100,000 doses in Wane's JSON.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static string TooLargeText => $"The file is larger than {MaxBytes / (1024 * 1024)} MB, the most Wane imports at once. Split it, or export a shorter range.";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="input"/>; one byte more is a refusal, not a read of the rest.</summary>
    public static async Task<byte[]> ReadAsync(Stream input, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ImportFileException(new FieldError("file", TooLargeText), tooLarge: true);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The file as text: UTF-8 (a byte order mark is allowed), anything else is a clear refusal.</summary>
    public static string Text(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportFileException(new FieldError("file",
                $"The file is not UTF-8 text (an invalid byte at offset {e.Index + start}). Save it as UTF-8 and try again; a spreadsheet offers \"CSV UTF-8\"."));
        }
    }
}
