using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Sharing;

/// <summary>
/// The staff list's flags where they turn on: a plan ending within a week, no check-in for N days, and a red flag that
/// counts only for 7 days. "Now" is 2026-11-25 15:00 UTC.
/// </summary>
public partial class StaffListTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static string Name(string who) => who + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<(HttpClient Api, string Name)> SharingAsync(string who, string staff, object? plan, params (string TakenAt, string[] Flags)[] checkIns)
    {
        var name = Name(who);
        var api = await app.NewUserClientAsync("UTC", name);
        if (plan is not null)
        {
            var created = await api.PostAsJsonAsync("/api/v1/plans", plan);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        foreach (var (takenAt, flags) in checkIns)
        {
            var added = await api.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", takenAt, answers = new { pain = 2, sleep = 3, mood = 3, craving = 2, redFlags = flags } });
            added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }
        (await api.PostAsJsonAsync("/api/v1/shares", new { to = staff, scopes = new[] { "plan", "checkins" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return (api, name);
    }

    [Fact]
    public async Task StaffList_PlanEndingThisWeek_NoCheckInForNDays_AndARedFlagOlderThan7Days_ShowAsSuch()
    {
        var staffName = Name("staff");
        using var staff = await app.NewUserClientAsync("UTC", staffName);
        // 2 g, then 1 g, 3 days a step from 20 Nov: the last step ends on 25 Nov, so the plan ends this week.
        var (ending, endingName) = await SharingAsync("ending", staffName,
            new { substance = "kratom", startAmount = 2, pace = new { kind = "linear", amount = 1 }, intervalDays = 3, startDate = "2026-11-20" },
            ("2026-11-25T09:00:00Z", []));
        // 10 g less 10% a week from today: ends months away. Last check-in (and red flag) 7 days and a minute ago.
        var (_, quietName) = await SharingAsync("quiet", staffName,
            new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 } },
            ("2026-11-18T14:59:00Z", ["seizure"]));
        // A red flag exactly 7 days ago still counts.
        var (_, recentName) = await SharingAsync("recent", staffName, null, ("2026-11-18T15:00:00Z", ["liver"]));

        var planEnd = (await ending.GetJsonAsync("/api/v1/plans/current")).GetProperty("end").GetString()!;
        var end = LocalDatePattern.Iso.Parse(planEnd).Value;
        Math.Abs(Period.DaysBetween(new LocalDate(2026, 11, 25), end)).ShouldBeLessThanOrEqualTo(7, planEnd);

        var people = (await staff.GetJsonAsync("/api/v1/shared")).GetProperty("people").EnumerateArray()
            .ToDictionary(p => p.GetProperty("owner").GetString()!);
        var e = people[endingName];
        (e.GetProperty("planEndsSoon").GetBoolean(), e.GetProperty("planEnd").GetString(), e.GetProperty("notCheckedIn").GetBoolean(), e.GetProperty("redFlagLast7Days").GetBoolean())
            .ShouldBe((true, planEnd, false, false));
        var q = people[quietName];
        (q.GetProperty("planEndsSoon").GetBoolean(), q.GetProperty("notCheckedIn").GetBoolean(), q.GetProperty("daysSinceCheckIn").GetInt32(), q.GetProperty("lastCheckIn").GetString())
            .ShouldBe((false, true, 7, "2026-11-18"));
        (q.GetProperty("redFlagLast7Days").GetBoolean(), q.GetProperty("lastRedFlag").GetString()).ShouldBe((false, "2026-11-18"));
        var r = people[recentName];
        (r.GetProperty("redFlagLast7Days").GetBoolean(), r.GetProperty("lastRedFlag").GetString(), r.GetProperty("notCheckedIn").GetBoolean()).ShouldBe((true, "2026-11-18", true));
        r.GetProperty("planEndsSoon").GetBoolean().ShouldBeFalse(); // no plan
        // The gap is the caller's: 7 days since the last check-in is "not checked in" for 7, not for 8.
        var byGap = (await staff.GetJsonAsync("/api/v1/shared?days=7")).GetProperty("people").EnumerateArray().Single(p => p.GetProperty("owner").GetString() == quietName);
        byGap.GetProperty("notCheckedIn").GetBoolean().ShouldBeTrue();
        (await staff.GetJsonAsync("/api/v1/shared?days=8")).GetProperty("people").EnumerateArray().Single(p => p.GetProperty("owner").GetString() == quietName)
            .GetProperty("notCheckedIn").GetBoolean().ShouldBeFalse();

        using var page = new Browserless(app.BaseAddress);
        await page.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = staffName, ["Password"] = "correct horse battery" });
        var (_, html) = await page.GetAsync("/shared");
        Row(html, endingName).ShouldBe([endingName, "no", "no", "no (last 2026-11-25)", $"yes ({planEnd})", "plan, checkins"]);
        var quietRow = Row(html, quietName);
        quietRow[2..4].ShouldBe(["no", "yes (last 2026-11-18)"]);
        quietRow[4].ShouldStartWith("no (");
        Row(html, recentName)[2..5].ShouldBe(["yes (2026-11-18)", "yes (last 2026-11-18)", "no plan"]);
        Row((await page.GetAsync("/shared?days=8")).Html, quietName)[3].ShouldBe("no (last 2026-11-18)");
    }

    /// <summary>The cells of the staff list's row for <paramref name="owner"/>, as text.</summary>
    private static string[] Row(string html, string owner)
    {
        var row = RowPattern().Matches(html).Single(m => m.Value.Contains($">{owner}</a>", StringComparison.Ordinal)).Value;
        return Cell().Matches(row).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, "")).Trim()).ToArray();
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
