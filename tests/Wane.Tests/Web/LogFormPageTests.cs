using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The log form without JavaScript: units for the chosen product, a clear refusal, the repeated-time choice.</summary>
public partial class LogFormPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(Browserless Browser, HttpClient Api, long Bali, long Oxy)> SignedInAsync()
    {
        var name = "web-" + Guid.NewGuid().ToString("N")[..8];
        var api = await app.NewUserClientAsync("America/New_York", name);
        var bali = await api.CreateProductAsync(Intents.RedBali);
        var oxy = await api.CreateProductAsync(new { name = "Oxycodone 5 mg", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (browser, api, bali, oxy);
    }

    private static string UnitOptions(string html) =>
        string.Join(' ', UnitOption().Matches(UnitSelect().Match(html).Value).Select(m => m.Groups[1].Value));

    [Fact]
    public async Task Today_StartsOnTheProductTakenLastInItsUnit_WithOnlyItsUnits()
    {
        var (browser, api, _, oxy) = await SignedInAsync();
        using var _b = browser;
        using var _a = api;
        await api.LogDoseOkAsync(new { productId = oxy, amount = 1, unit = "mg", takenAt = "2026-11-25T06:00:00-05:00" });

        var (_, html) = await browser.GetAsync("/");

        html.ShouldMatch($"<option value=\"{oxy}\" selected=\"selected\"");
        UnitOptions(html).ShouldBe("tablet mg");
        html.ShouldMatch("<option value=\"mg\" selected=\"selected\">mg</option>");
        html.ShouldContain("Same as last time: 1 mg Oxycodone 5 mg");
    }

    [Fact]
    public async Task Today_ProductChangedWithoutJavaScript_RefusesTheUnitAndShowsTheRightList()
    {
        var (browser, api, bali, oxy) = await SignedInAsync();
        using var _b = browser;
        using var _a = api;

        // The form was on Red Bali (g); the person picked the tablets and sent "g" along.
        var (response, html) = await browser.SubmitAsync("/", new Dictionary<string, string>
        {
            ["Input.ProductId"] = oxy.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "1", ["Input.Unit"] = "g",
            ["Input.ClientId"] = Guid.NewGuid().ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"unit-error\"");
        html.ShouldContain("is not measured in g. Use one of: tablet, mg.");
        UnitOptions(html).ShouldBe("tablet mg");
        (await api.DoseCountAsync()).ShouldBe(0);
        bali.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Today_RepeatedLocalTime_AsksWhichAndStoresTheChoice()
    {
        var (browser, api, bali, _) = await SignedInAsync();
        using var _b = browser;
        using var _a = api;
        var dose = new Dictionary<string, string>
        {
            ["Input.ProductId"] = bali.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "2", ["Input.Unit"] = "g",
            ["Input.TakenAt"] = "2026-11-01T01:30", ["Input.ClientId"] = Guid.NewGuid().ToString(),
        };

        var (response, html) = await browser.SubmitAsync("/", dose);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("happened twice");
        html.ShouldContain("value=\"2026-11-01T01:30:00-04:00\"");
        html.ShouldContain("value=\"2026-11-01T01:30:00-05:00\"");
        (await api.DoseCountAsync()).ShouldBe(0);

        dose["Input.TakenAt"] = "2026-11-01T01:30:00-05:00";
        var (_, logged) = await browser.SubmitAsync("/", dose);
        logged.ShouldContain("Logged 2 g of Red Bali at 01:30 (the second 01:30, UTC-05:00)");
        var stored = (await api.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-01")).GetProperty("doses")[0];
        stored.GetProperty("takenAt").GetString().ShouldBe("2026-11-01T06:30:00Z");
    }

    [Fact]
    public async Task Today_SkippedLocalTime_IsRefusedAndOffersTheShiftedInstant()
    {
        var (browser, api, bali, _) = await SignedInAsync();
        using var _b = browser;
        using var _a = api;

        var (response, html) = await browser.SubmitAsync("/", new Dictionary<string, string>
        {
            ["Input.ProductId"] = bali.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "2", ["Input.Unit"] = "g",
            ["Input.TakenAt"] = "2026-03-08T02:30", ["Input.ClientId"] = Guid.NewGuid().ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("did not happen");
        html.ShouldContain("value=\"2026-03-08T03:30:00-04:00\"");
        (await api.DoseCountAsync("2026-03-01", "2026-03-31")).ShouldBe(0);
    }

    [Fact]
    public async Task Setup_TimeZone_IsASelectOfIanaZones()
    {
        using var browser = new Browserless(app.BaseAddress);
        var (_, html) = await browser.GetAsync("/profile");
        var name = "tz-" + Guid.NewGuid().ToString("N")[..8];
        using var api = await app.NewUserClientAsync("Asia/Kathmandu", name);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });

        (_, html) = await browser.GetAsync("/profile");

        html.ShouldContain("<select id=\"timeZone\" name=\"TimeZone\"");
        html.ShouldContain("<option value=\"Asia/Kathmandu\" selected=\"selected\">Asia/Kathmandu</option>");
        html.ShouldContain("<option value=\"America/New_York\">America/New York</option>");
        html.ShouldNotContain("<script>");
        var (bad, badHtml) = await browser.SubmitAsync("/profile", new Dictionary<string, string> { ["Name"] = name, ["TimeZone"] = "Mars/Olympus", ["DayStartHour"] = "0", ["PreferredUnit"] = "g", ["HoldThreshold"] = "11", ["HoldRise"] = "6" });
        badHtml.ShouldContain("timeZone-error");
        (await api.GetJsonAsync("/api/v1/me")).GetProperty("timeZone").GetString().ShouldBe("Asia/Kathmandu");
        bad.ShouldNotBeNull();
    }

    [GeneratedRegex("<select id=\"unit\"[\\s\\S]*?</select>")]
    private static partial Regex UnitSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex UnitOption();
}
