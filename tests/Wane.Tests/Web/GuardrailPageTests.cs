using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

public class GuardrailPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(HttpClient Api, Browserless Browser)> SignedInAsync(string name)
    {
        var api = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, browser);
    }

    private static Dictionary<string, string> Defaults(Action<Dictionary<string, string>> change)
    {
        var form = new Dictionary<string, string>
        {
            ["R1.enabled"] = "true", ["R1.interval"] = "6", ["R1.painThreshold"] = "3",
            ["R2.enabled"] = "true", ["R2.doses"] = "3", ["R2.days"] = "7",
            ["R3.enabled"] = "true", ["R3.days"] = "30",
            ["R4.enabled"] = "true", ["R4.days"] = "14", ["R4.step"] = "25", ["R4.newProduct"] = "50", ["R4.kratomCap"] = "0", ["R4.opioidCap"] = "0",
            ["R5.enabled"] = "true", ["R5.window"] = "6",
            ["S1.enabled"] = "true", ["S1.hours"] = "12",
            ["S2.enabled"] = "true", ["S2.recentDays"] = "7", ["S2.baselineDays"] = "28", ["S2.rise"] = "20",
            ["S3.enabled"] = "true", ["S3.pauseDays"] = "3", ["S3.memoryDays"] = "120", ["S3.standHours"] = "24",
            ["S4.enabled"] = "true",
            ["S5.enabled"] = "true", ["S5.mme"] = "50",
        };
        change(form);
        return form;
    }

    [Fact]
    public async Task RulesPage_ListsEveryRuleWithItsSource()
    {
        var (api, browser) = await SignedInAsync("rules-reader");
        using (api)
        using (browser)
        {
            var (_, html) = await browser.GetAsync("/guardrails");
            foreach (var id in new[] { "R1", "R2", "R3", "R4", "R5", "S1", "S2", "S3", "S4", "S5" })
            {
                html.ShouldContain($"id=\"rule-{id}\"");
            }
            html.ShouldContain("DEA Drug Fact Sheet");
            html.ShouldContain("Fowble");
        }
    }

    [Fact]
    public async Task RulesPage_SavesValidSettings_AndShowsBadOnesAtTheirField()
    {
        var (api, browser) = await SignedInAsync("rules-writer");
        using (api)
        using (browser)
        {
            var (_, bad) = await browser.SubmitAsync("/guardrails", Defaults(f => { f["R1.interval"] = "0,5"; f["S1.hours"] = "100"; }), "/guardrails?handler=Rules");
            bad.ShouldContain("id=\"R1.interval-error\"");
            bad.ShouldContain("id=\"S1.hours-error\"");
            (await api.GetJsonAsync("/api/v1/guardrails")).GetProperty("rules")[0].GetProperty("parameters")[0].GetProperty("value").GetDecimal().ShouldBe(6m);

            var (ok, _) = await browser.SubmitAsync("/guardrails", Defaults(f => { f["R1.interval"] = "5"; f.Remove("R3.enabled"); }), "/guardrails?handler=Rules");
            ok.RequestMessage!.RequestUri!.Query.ShouldContain("saved=true");
            var rules = (await api.GetJsonAsync("/api/v1/guardrails")).GetProperty("rules");
            rules[0].GetProperty("parameters")[0].GetProperty("value").GetDecimal().ShouldBe(5m);
            rules[2].GetProperty("enabled").GetBoolean().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task RulesPage_SchedulesAndRemovesBreaks()
    {
        var (api, browser) = await SignedInAsync("breaker");
        using (api)
        using (browser)
        {
            var (_, bad) = await browser.SubmitAsync("/guardrails", new Dictionary<string, string> { ["BreakFrom"] = "2026-12-03", ["BreakTo"] = "2026-12-01" }, "/guardrails?handler=AddBreak");
            bad.ShouldContain("id=\"to-error\"");
            await browser.SubmitAsync("/guardrails", new Dictionary<string, string> { ["BreakFrom"] = "2026-12-01", ["BreakTo"] = "2026-12-03", ["BreakNote"] = "visit" }, "/guardrails?handler=AddBreak");

            var breaks = await api.GetJsonAsync("/api/v1/breaks");
            breaks.GetArrayLength().ShouldBe(1);
            var (_, html) = await browser.GetAsync("/guardrails");
            html.ShouldContain("2026-12-01 to 2026-12-03 (3 days)");
            var id = breaks[0].GetProperty("id").GetInt64();
            await browser.SubmitAsync("/guardrails", new Dictionary<string, string> { ["id"] = $"{id}" }, "/guardrails?handler=RemoveBreak");
            (await api.GetJsonAsync("/api/v1/breaks")).GetArrayLength().ShouldBe(0);
        }
    }
}
