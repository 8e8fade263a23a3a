using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Tapering;
using Wane.Domain.Units;

namespace Wane.Bench;

/// <summary>
/// The log path's companion (<see cref="HttpLogPath"/>) with an active taper plan: <c>POST /api/v1/doses/preview</c> through
/// real Kestrel with a bearer token, on a SQLite file built by the migrations, for a person in Europe/London with a
/// week of doses (5 a day). Every dose evaluated reads the active plan for R4's daily cap.
/// <list type="bullet">
/// <item><c>None</c>: no plan.</item>
/// <item><c>Days180</c>: a kratom plan started 180 days ago with one SOWS a day since, a high score (a one-day automatic
/// hold) every 30th day, and one manual hold of three days.</item>
/// <item><c>Years2</c>: the same plan started two years ago (730 SOWS, 24 automatic holds).</item>
/// </list>
/// Days180 and Years2 against None is what the plan costs a dose; Years2 against Days180 whether it grows with the plan.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs only public benchmark classes.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class HttpDosePreview
{
    /// <summary>How old the active plan is.</summary>
    public enum PlanAge
    {
        None,
        Days180,
        Years2,
    }

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/London"];

    private BenchServer _server = null!;
    private object _body = null!;

    [Params(PlanAge.None, PlanAge.Days180, PlanAge.Years2)]
    public PlanAge Plan { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _server = await BenchServer.StartAsync("wane-bench-preview", Zone.Id);
        await using var scope = _server.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var now = SystemClock.Instance.GetCurrentInstant();
        for (var i = 1; i <= 35; i++)
        {
            var at = now - Duration.FromHours(i * 24 / 5.0);
            db.Doses.Add(new Dose
            {
                UserId = _server.UserId, ProductId = _server.ProductId, Kind = ProductKind.Kratom, Amount = 2m, Unit = DoseUnit.Gram, TakenAt = at,
                NormalizedAmount = 2m, NormalizedUnit = NormalUnit.Grams, CreatedAt = at, UpdatedAt = at,
            });
        }
        await db.SaveChangesAsync();
        if (Plan != PlanAge.None)
        {
            await SeedPlanAsync(db, _server.UserId, now, Plan == PlanAge.Days180 ? 180 : 730);
        }

        _body = new { productId = _server.ProductId, amount = 2.5m, unit = "g", meal = "before" };
        using var current = await _server.Client.GetAsync("/api/v1/plans/current");
        if (current.IsSuccessStatusCode != (Plan != PlanAge.None))
        {
            throw new InvalidOperationException($"GET /api/v1/plans/current answered {(int)current.StatusCode} with plan {Plan}.");
        }
        var text = await current.Content.ReadAsStringAsync();
        Console.WriteLine($"// plan {Plan}: {text[..Math.Min(text.Length, 120)]}");
    }

    /// <summary>
    /// 20 g a day, 0.2 g less every 10 days (1,000 days to zero, so still running at two years), as CreatePlan stores it;
    /// one SOWS every morning, high (14 of 64) every 30th day; a manual hold of three days a week after the start.
    /// </summary>
    private static async Task SeedPlanAsync(WaneDb db, string userId, Instant now, int age)
    {
        var today = now.InZone(Zone).Date;
        var start = today.PlusDays(-age);
        var phase = new
        {
            substance = "kratom", startAmount = 20m, unit = "g", pace = new { kind = "linear", amount = 0.2m }, intervalDays = 10,
            dosesPerDay = 1, resolution = 0.1m, splittable = true, startDate = start.ToString("uuuu-MM-dd", null),
        };
        var created = start.AtStartOfDayInZone(Zone).ToInstant();
        var plan = new PlanRow
        {
            UserId = userId, Status = PlanStatus.Active, RequestJson = JsonSerializer.Serialize(new { phases = new[] { phase } }, JsonSerializerOptions.Web), CreatedAt = created,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        db.PlanHolds.Add(new PlanHold { UserId = userId, PlanId = plan.Id, From = start.PlusDays(7), To = start.PlusDays(9), Reason = "travel", CreatedAt = created });
        for (var d = 0; d < age; d++)
        {
            var at = start.PlusDays(d).At(new LocalTime(8, 0)).InZoneLeniently(Zone).ToInstant();
            var score = d % 30 == 29 ? 14 : 3 + d % 3;
            var answers = Enumerable.Range(0, 16).Select(i => i < score / 4 ? 4 : i == score / 4 ? score % 4 : 0);
            db.CheckIns.Add(new CheckInRow
            {
                UserId = userId, Instrument = InstrumentKind.Sows, TakenAt = at, AnswersJson = JsonSerializer.Serialize(answers), Score = score,
                Band = score >= 11 ? "moderate" : "mild", CreatedAt = at,
            });
        }
        await db.SaveChangesAsync();
    }

    [Benchmark]
    public async Task<int> PreviewDose()
    {
        using var response = await _server.Client.PostAsJsonAsync("/api/v1/doses/preview", _body);
        return response.IsSuccessStatusCode ? 1 : throw new InvalidOperationException($"POST /api/v1/doses/preview answered {(int)response.StatusCode}.");
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
