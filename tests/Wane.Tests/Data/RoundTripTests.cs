using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Tests.Support;

namespace Wane.Tests.Data;

/// <summary>
/// A value written on either provider reads back identically (ADR 0017): instants to the whole microsecond
/// (finer digits dropped toward the start of time), local dates across 1900–2200, decimals with their digits
/// and in one form, and the unique (UserId, ClientId) index refusing a second dose. Each case runs on both
/// providers in one run, so the PostgreSQL run leaves this class out.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.BothProviders)]
public sealed class RoundTripTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    // Written, then what must be read back (by hand, not through StoredPrecision, so a wrong rule fails here).
    private static readonly (Instant Written, Instant Read)[] Instants =
    [
        (Instant.FromUtc(2026, 11, 25, 15, 0), Instant.FromUtc(2026, 11, 25, 15, 0)),
        (Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(123_456_000), Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(123_456_000)),
        (Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(123_456_789), Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(123_456_000)),
        (Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(999_999_999), Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(999_999_000)),
        (Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(1_500), Instant.FromUtc(2026, 11, 25, 15, 0, 0) + Duration.FromNanoseconds(1_000)),
        // Before PostgreSQL's epoch (2000) and before Unix's (1970): still toward the start of time, not toward zero.
        (Instant.FromUtc(1999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_500), Instant.FromUtc(1999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_000)),
        (Instant.FromUtc(1969, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_900), Instant.FromUtc(1969, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_000)),
        (Instant.FromUtc(1900, 1, 1, 0, 0), Instant.FromUtc(1900, 1, 1, 0, 0)),
        (Instant.FromUtc(2200, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_999), Instant.FromUtc(2200, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_000)),
    ];

    // Written, then the decimal's text when read back: SQLite's form (no trailing zeros, at least one place) on both.
    private static readonly (decimal Written, string Read)[] Decimals =
    [
        (0.0001m, "0.0001"),
        (123456.789m, "123456.789"),
        (2.50m, "2.5"),
        (5m, "5.0"),
        (0.000001m, "0.000001"),
        (0.0000001234m, "0.0000001234"),
        (123456789012.123456m, "123456789012.123456"),
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instants_BothWriteWays_ReadBackToTheMicrosecond(string provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var (userId, productId) = await OwnerAsync(db);
        var written = new List<(Dose Dose, Instant Read)>();
        foreach (var (instant, read) in Instants)
        {
            var byTracker = Dose(userId, productId, instant, 1m);
            await db.AddDoseThroughChangeTrackerAsync(byTracker, CancellationToken.None);
            var byProvider = Dose(userId, productId, instant, 1m);
            await db.AddDoseAsync(byProvider, CancellationToken.None);
            written.Add((byTracker, read));
            written.Add((byProvider, read));
        }

        await using var reader = database.Context();
        foreach (var (dose, read) in written)
        {
            var row = await reader.Doses.AsNoTracking().SingleAsync(d => d.Id == dose.Id);
            row.TakenAt.ShouldBe(read, $"{provider}: {dose.TakenAt} as written");
            row.CreatedAt.ShouldBe(read);
            // Found by the instant as written, too: a query's bound goes through the same rule.
            (await reader.Doses.CountAsync(d => d.Id == dose.Id && d.TakenAt == dose.TakenAt)).ShouldBe(1, $"{provider}: {dose.TakenAt}");
        }
        var window = await reader.DoseWindowAsync(userId, Instant.FromUtc(1900, 1, 1, 0, 0), Instant.FromUtc(2201, 1, 1, 0, 0), 0, CancellationToken.None);
        window.Select(r => r.TakenAt).ShouldBe(written.Select(w => w.Read).Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LocalDates_AtTheBounds_ReadBackTheSame(string provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var (userId, _) = await OwnerAsync(db);
        LocalDate[] dates = [new(1900, 1, 1), new(1999, 12, 31), new(2000, 2, 29), new(2026, 11, 25), new(2200, 12, 31)];
        foreach (var date in dates)
        {
            db.Breaks.Add(new Break { UserId = userId, From = date, To = date, CreatedAt = Instant.FromUtc(2026, 11, 25, 15, 0) });
        }
        await db.SaveChangesAsync();

        await using var reader = database.Context();
        (await reader.Breaks.AsNoTracking().Where(b => b.UserId == userId).OrderBy(b => b.From).Select(b => b.From).ToListAsync()).ShouldBe(dates);
        (await reader.Breaks.CountAsync(b => b.From >= new LocalDate(2200, 12, 31))).ShouldBe(1);
        (await reader.Breaks.CountAsync(b => b.From < new LocalDate(1900, 1, 2))).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decimals_ReadBackTheSameValueInTheSameForm(string provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var (userId, productId) = await OwnerAsync(db);
        var ids = new List<(long Id, string Read)>();
        foreach (var (value, read) in Decimals)
        {
            var byTracker = Dose(userId, productId, Instant.FromUtc(2026, 11, 25, 15, 0), value);
            await db.AddDoseThroughChangeTrackerAsync(byTracker, CancellationToken.None);
            var byProvider = Dose(userId, productId, Instant.FromUtc(2026, 11, 25, 15, 0), value);
            await db.AddDoseAsync(byProvider, CancellationToken.None);
            ids.Add((byTracker.Id, read));
            ids.Add((byProvider.Id, read));
        }

        await using var reader = database.Context();
        foreach (var (id, read) in ids)
        {
            var row = await reader.Doses.AsNoTracking().SingleAsync(d => d.Id == id);
            Text(row.Amount).ShouldBe(read, provider);
            Text(row.NormalizedAmount!.Value).ShouldBe(read, provider);
        }
        var window = await reader.DoseWindowAsync(userId, Instant.FromUtc(2026, 11, 25, 0, 0), Instant.FromUtc(2026, 11, 26, 0, 0), 0, CancellationToken.None);
        window.Select(r => Text(r.Amount)).Order(StringComparer.Ordinal).ShouldBe(ids.Select(i => i.Read).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ClientId_UsedTwiceByOnePerson_IsRefusedEitherWay(string provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var (userId, productId) = await OwnerAsync(db);
        var (otherId, otherProduct) = await OwnerAsync(db);
        var clientId = Guid.NewGuid();
        var at = Instant.FromUtc(2026, 11, 25, 15, 0);
        await db.AddDoseAsync(Dose(userId, productId, at, 1m, clientId), CancellationToken.None);

        await Should.ThrowAsync<DbUpdateException>(() => db.AddDoseAsync(Dose(userId, productId, at, 2m, clientId), CancellationToken.None));
        await Should.ThrowAsync<DbUpdateException>(() => db.AddDoseThroughChangeTrackerAsync(Dose(userId, productId, at, 3m, clientId), CancellationToken.None));
        // Another person's dose may carry the same client id; and the context is still usable after a refusal.
        await db.AddDoseAsync(Dose(otherId, otherProduct, at, 4m, clientId), CancellationToken.None);

        await using var reader = database.Context();
        (await reader.Doses.Where(d => d.ClientId == clientId).OrderBy(d => d.Id).Select(d => d.UserId).ToListAsync()).ShouldBe([userId, otherId]);
        (await reader.Doses.SingleAsync(d => d.UserId == userId)).Amount.ShouldBe(1m);
    }

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(string UserId, long ProductId)> OwnerAsync(WaneDb db)
    {
        var name = "user-" + Guid.NewGuid().ToString("N")[..8];
        var user = new WaneUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), CreatedAt = Instant.FromUtc(2026, 11, 25, 15, 0) };
        db.Users.Add(user);
        var product = new Product { UserId = user.Id, Name = "Red Bali", Kind = ProductKind.Kratom, GramsPerTeaspoon = 2.5m };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (user.Id, product.Id);
    }

    private static Dose Dose(string userId, long productId, Instant at, decimal amount, Guid? clientId = null) => new()
    {
        UserId = userId, ProductId = productId, Kind = ProductKind.Kratom, Amount = amount, Unit = DoseUnit.Gram, TakenAt = at,
        NormalizedAmount = amount, NormalizedUnit = NormalUnit.Grams, ClientId = clientId, CreatedAt = at, UpdatedAt = at,
    };

    /// <summary>A database of its own built by the migrations: a SQLite file, or a PostgreSQL database dropped afterwards.</summary>
    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string _provider;
        private readonly string _connectionString;
        private readonly string? _dir;

        private ScratchDatabase(string provider, string connectionString, string? dir) => (_provider, _connectionString, _dir) = (provider, connectionString, dir);

        public static async Task<ScratchDatabase> CreateAsync(string provider)
        {
            ScratchDatabase database;
            if (provider == "postgres")
            {
                Assert.SkipWhen(TestDatabase.PostgresSkipReason is not null, TestDatabase.PostgresSkipReason ?? "");
                database = new(provider, TestDatabase.CreatePostgres(), null);
            }
            else
            {
                var dir = Path.Combine(Path.GetTempPath(), "wane-roundtrip", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(dir);
                database = new(provider, $"Data Source={Path.Combine(dir, "wane.db")};Foreign Keys=True", dir);
            }
            await using var db = database.Context();
            await db.Database.MigrateAsync();
            return database;
        }

        public WaneDb Context()
        {
            if (_provider == "postgres")
            {
                var options = new DbContextOptionsBuilder<PostgresWaneDb>();
                options.UseWanePostgres(_connectionString);
                return new PostgresWaneDb(options.Options);
            }
            return new SqliteWaneDb(new DbContextOptionsBuilder<SqliteWaneDb>().UseSqlite(_connectionString).Options);
        }

        public async ValueTask DisposeAsync()
        {
            if (_dir is null)
            {
                await TestDatabase.DropPostgresAsync(_connectionString);
                return;
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
