using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Wane.Domain;

namespace Wane.Features.Import;

/// <summary>Reads an upload into memory once, refusing files over the size limit and text that is not UTF-8.</summary>
internal static class ImportLimits
{
    /// <summary>
    /// The largest file taken: 128 MB. Wane's own JSON export takes about 490 bytes a dose with every field
    /// filled (491 measured by ImportLargeExportTests; the 100,000-dose journal of bench/README.md is 46 MB),
    /// so this takes back an export of some 250,000 doses, while a 200 MB file is still refused. The file
    /// is held once, as bytes; the readers work on those bytes without a second copy (docs/import-format.md).
    /// </summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    public static string TooLargeText => $"The file is larger than {MaxBytes / (1024 * 1024)} MB, the most Wane imports at once (an export of some 250,000 doses). Split it, or export a shorter range.";

    private const int Chunk = 1024 * 1024;

    /// <summary>
    /// Reads at most <see cref="MaxBytes"/> from <paramref name="input"/>; one byte more is a refusal, not a read
    /// of the rest. With the <paramref name="length"/> announced the bytes go straight into one array of that
    /// size; without, into chunks copied once into the array at the end.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream input, long? length, CancellationToken ct)
    {
        if (length > MaxBytes)
        {
            throw TooLarge();
        }
        if (length is { } known)
        {
            var bytes = new byte[known];
            var at = 0;
            int read;
            while (at < bytes.Length && (read = await input.ReadAsync(bytes.AsMemory(at), ct).ConfigureAwait(false)) > 0)
            {
                at += read;
            }
            if (at < bytes.Length)
            {
                Array.Resize(ref bytes, at);
            }
            else if (await input.ReadAsync(new byte[1], ct).ConfigureAwait(false) > 0)
            {
                throw new ImportFileException(new FieldError("file", "The file is longer than announced (it may have changed while it was read). Try again."));
            }
            return bytes;
        }
        var chunks = new List<byte[]>();
        long total = 0;
        try
        {
            while (true)
            {
                var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
                chunks.Add(chunk);
                var filled = 0;
                int read;
                while (filled < Chunk && (read = await input.ReadAsync(chunk.AsMemory(filled, Chunk - filled), ct).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                    if (total + filled > MaxBytes)
                    {
                        throw TooLarge();
                    }
                }
                total += filled;
                if (filled < Chunk)
                {
                    break;
                }
            }
            var all = new byte[total];
            for (var i = 0; i < chunks.Count; i++)
            {
                var offset = (long)i * Chunk;
                chunks[i].AsSpan(0, (int)Math.Min(Chunk, total - offset)).CopyTo(all.AsSpan((int)offset));
            }
            return all;
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private static ImportFileException TooLarge() => new(new FieldError("file", TooLargeText), tooLarge: true);

    /// <summary>
    /// The file's bytes after a byte order mark, checked to be UTF-8 without being copied; anything else
    /// is a clear refusal naming the offset of the first bad byte.
    /// </summary>
    public static ReadOnlyMemory<byte> Utf8Body(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var body = bytes.AsMemory(start);
        if (!Utf8.IsValid(body.Span))
        {
            throw new ImportFileException(new FieldError("file",
                $"The file is not UTF-8 text (an invalid byte at offset {start + InvalidAt(body.Span)}). Save it as UTF-8 and try again; a spreadsheet offers \"CSV UTF-8\"."));
        }
        return body;
    }

    /// <summary>A reader of the file as text (UTF-8, checked first), decoding as it goes rather than into one string.</summary>
    public static TextReader Reader(byte[] bytes)
    {
        var body = Utf8Body(bytes);
        return new StreamReader(new MemoryStream(bytes, bytes.Length - body.Length, body.Length, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
    }

    private static int InvalidAt(ReadOnlySpan<byte> span)
    {
        var chars = new char[4096];
        var done = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(span[done..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            done += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return done;
            }
        }
    }
}
