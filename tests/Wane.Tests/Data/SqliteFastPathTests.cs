using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Tests.Support;

namespace Wane.Tests.Data;

/// <summary>
/// SQLite reads the guardrails' dose window and stores a logged dose by hand-written SQL for speed. These
/// tests hold both to what EF's provider-neutral paths read and store, on the same database.
/// </summary>
// SQLite's own window and insert; PostgreSQL takes the neutral paths these are compared with.
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class SqliteFastPathTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 8, 0);

    [Fact]
    public async Task DoseWindow_ReadsWhatTheNeutralQueryReads()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var (userId, productId) = await UserWithProductAsync(scope);
        var other = await UserWithProductAsync(scope);
        var doses = Variety(userId, productId).ToList();
        foreach (var dose in doses)
        {
            await db.AddDoseThroughChangeTrackerAsync(dose, CancellationToken.None);
        }
        await db.AddDoseThroughChangeTrackerAsync(Dose(other.UserId, other.ProductId, T0 + Duration.FromHours(1)), CancellationToken.None);

        var from = T0;
        var until = T0 + Duration.FromDays(2);
        var fast = await db.DoseWindowAsync(userId, from, until, 0, CancellationToken.None);
        var neutral = await db.DoseWindowQueryAsync(userId, from, until, 0, CancellationToken.None);

        db.ShouldBeOfType<SqliteWaneDb>();
        neutral.Count.ShouldBe(doses.Count(d => d.TakenAt >= from && d.TakenAt < until));
        neutral.Count.ShouldBeGreaterThan(5);
        fast.ShouldBe(neutral);

        // The bounds: from is in, until is out, and one dose can be left out.
        var excluded = doses[2];
        var narrow = await db.DoseWindowAsync(userId, doses[1].TakenAt, doses[4].TakenAt, excluded.Id, CancellationToken.None);
        narrow.ShouldBe(await db.DoseWindowQueryAsync(userId, doses[1].TakenAt, doses[4].TakenAt, excluded.Id, CancellationToken.None));
        // Stored to the microsecond (ADR 0017): doses[1] was logged with a tenth of one more.
        narrow.Select(r => r.TakenAt).ShouldBe([StoredPrecision.Instant(doses[1].TakenAt), doses[3].TakenAt]);

        (await db.DoseWindowAsync(userId, until, until + Duration.FromDays(1), 0, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddDose_StoresTheRowEfStores()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var first = await UserWithProductAsync(scope);
        var second = await UserWithProductAsync(scope);
        var clientId = Guid.NewGuid();
        foreach (var (template, n) in Variety("", 0).Select((d, i) => (d, i)))
        {
            // The same dose for two people (so the same client id may be used twice): once by EF, once by hand.
            var byEf = Copy(template, first, n == 0 ? clientId : null);
            var byHand = Copy(template, second, n == 0 ? clientId : null);
            await db.AddDoseThroughChangeTrackerAsync(byEf, CancellationToken.None);
            await db.AddDoseAsync(byHand, CancellationToken.None);

            byHand.Id.ShouldBeGreaterThan(byEf.Id);
            var efRow = await RawRowAsync(db, byEf.Id);
            var handRow = await RawRowAsync(db, byHand.Id);
            handRow.Remove("Id");
            efRow.Remove("Id");
            handRow["UserId"].ShouldBe("String:" + second.UserId);
            handRow["ProductId"].ShouldBe("Int64:" + second.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (n == 0)
            {
                efRow["ClientId"].ShouldBe("String:" + clientId.ToString().ToUpperInvariant());
            }
            handRow["UserId"] = efRow["UserId"];
            handRow["ProductId"] = efRow["ProductId"];
            handRow.ShouldBe(efRow);
        }
    }

    [Fact]
    public async Task AddDose_SameClientIdTwice_ThrowsDbUpdateExceptionAndStoresOne()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var (userId, productId) = await UserWithProductAsync(scope);
        var clientId = Guid.NewGuid();
        await db.AddDoseAsync(Dose(userId, productId, T0, clientId), CancellationToken.None);

        await Should.ThrowAsync<DbUpdateException>(() => db.AddDoseAsync(Dose(userId, productId, T0 + Duration.FromHours(1), clientId), CancellationToken.None));

        (await db.Doses.CountAsync(d => d.UserId == userId)).ShouldBe(1);
    }

    private static IEnumerable<Dose> Variety(string userId, long productId)
    {
        yield return Dose(userId, productId, T0);
        yield return Dose(userId, productId, T0 + Duration.FromMinutes(90) + Duration.FromTicks(1234567));
        yield return new Dose
        {
            UserId = userId, ProductId = productId, Kind = ProductKind.Kratom, Amount = 2m, Unit = DoseUnit.Teaspoon,
            TakenAt = T0 + Duration.FromHours(3), NormalizationNote = NormalizationNote.Uncalibrated, Meal = MealTiming.AfterLarge,
            Reason = DoseReason.Pain, PainBefore = 0, Note = "ünïcode, \"quotes\" and a\nnew line", CreatedAt = T0, UpdatedAt = T0,
        };
        yield return new Dose
        {
            UserId = userId, ProductId = productId, Kind = ProductKind.Opioid, Amount = 0.000001m, Unit = DoseUnit.MicrogramPerHour,
            TakenAt = T0 + Duration.FromHours(5), NormalizedAmount = 123456789012.123456m, NormalizedUnit = NormalUnit.Mme,
            Meal = MealTiming.Empty, Reason = DoseReason.Withdrawal, PainBefore = 10, CreatedAt = T0, UpdatedAt = T0 + Duration.FromSeconds(1),
        };
        yield return new Dose
        {
            UserId = userId, ProductId = productId, Kind = ProductKind.Other, Amount = 10m, Unit = DoseUnit.Milligram,
            TakenAt = T0 + Duration.FromHours(7), NormalizedAmount = 10m, NormalizedUnit = NormalUnit.Milligrams,
            NormalizationNote = NormalizationNote.NoMmeFactor, CreatedAt = T0, UpdatedAt = T0,
        };
        // Two at the same instant: ordered by id.
        yield return Dose(userId, productId, T0 + Duration.FromHours(9));
        var second = Dose(userId, productId, T0 + Duration.FromHours(9));
        second.Amount = 4.25m;
        second.NormalizedAmount = 4.25m;
        yield return second;
        yield return Dose(userId, productId, T0 + Duration.FromDays(3));
    }

    private static Dose Dose(string userId, long productId, Instant at, Guid? clientId = null) => new()
    {
        UserId = userId, ProductId = productId, Kind = ProductKind.Kratom, Amount = 2.5m, Unit = DoseUnit.Gram, TakenAt = at,
        NormalizedAmount = 2.5m, NormalizedUnit = NormalUnit.Grams, Meal = MealTiming.Before, ClientId = clientId,
        CreatedAt = at, UpdatedAt = at,
    };

    private static Dose Copy(Dose d, (string UserId, long ProductId) owner, Guid? clientId) => new()
    {
        UserId = owner.UserId, ProductId = owner.ProductId, Kind = d.Kind, Amount = d.Amount, Unit = d.Unit, TakenAt = d.TakenAt,
        Meal = d.Meal, Reason = d.Reason, PainBefore = d.PainBefore, Note = d.Note, ClientId = clientId,
        NormalizedAmount = d.NormalizedAmount, NormalizedUnit = d.NormalizedUnit, NormalizationNote = d.NormalizationNote,
        CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt,
    };

    private async Task<(string UserId, long ProductId)> UserWithProductAsync(AsyncServiceScope scope)
    {
        var userId = await app.NewUserIdAsync();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var product = new Product { UserId = userId, Name = "Red Bali", Kind = ProductKind.Kratom, Form = ProductForm.Powder, Strain = "red" };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.Entry(product).State = EntityState.Detached;
        return (userId, product.Id);
    }

    /// <summary>Every column of a stored dose as SQLite holds it: the type of the stored value, and the value.</summary>
    private static async Task<Dictionary<string, string?>> RawRowAsync(WaneDb db, long id)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "SELECT * FROM doses WHERE Id = $id";
            var p = cmd.CreateParameter();
            p.ParameterName = "$id";
            p.Value = id;
            cmd.Parameters.Add(p);
            await using DbDataReader reader = await cmd.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i)
                    ? null
                    : $"{reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}";
            }
            return row;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
