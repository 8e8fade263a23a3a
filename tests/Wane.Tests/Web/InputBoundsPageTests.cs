using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The dose and break forms answer times outside the calendar and control characters at the field, storing nothing.</summary>
public class InputBoundsPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<(HttpClient Api, Browserless Browser, long Product)> SignedInAsync(string name)
    {
        var api = await app.NewUserClientAsync("America/New_York", name);
        var product = await api.CreateProductAsync(Intents.RedBali);
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return (api, browser, product);
    }

    [Theory]
    [InlineData("Input.TakenAt", "9999-12-31 23:59", "takenAt")]
    [InlineData("Input.TakenAt", "9999-12-31T23:59", "takenAt")]
    [InlineData("Input.TakenAt", "0001-01-01 00:00", "takenAt")]
    [InlineData("Input.Note", "hi\u001b]0;owned\u0007", "note")]
    public async Task DoseForm_BadInput_ShowsTheFieldAndStoresNothing(string input, string value, string field)
    {
        var (api, browser, product) = await SignedInAsync("form-" + Guid.NewGuid().ToString("N")[..6]);
        using (api)
        using (browser)
        {
            var before = RowCounts.Describe(await RowCounts.OfAsync(app.DataDir));
            var form = new Dictionary<string, string> { ["Input.ProductId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "2", ["Input.Unit"] = "g", ["Confirmed"] = "true" };
            form[input] = value;

            var (response, html) = await browser.SubmitAsync("/", form);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            html.ShouldContain($"id=\"{field}-error\"");
            RowCounts.Describe(await RowCounts.OfAsync(app.DataDir)).ShouldBe(before);
        }
    }

    [Fact]
    public async Task DoseForm_NoteWithLineBreaks_IsStoredWithNewlines()
    {
        var (api, browser, product) = await SignedInAsync("form-lines");
        using (api)
        using (browser)
        {
            await browser.SubmitAsync("/", new Dictionary<string, string>
            {
                ["Input.ProductId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "2", ["Input.Unit"] = "g",
                ["Input.Note"] = "line one\r\nline two", ["Confirmed"] = "true",
            });

            var doses = (await api.GetJsonAsync("/api/v1/doses")).GetProperty("doses");
            doses.GetArrayLength().ShouldBe(1);
            doses[0].GetProperty("note").GetString().ShouldBe("line one\nline two");
        }
    }

    [Fact]
    public async Task BreakForm_ControlCharacters_AreRefused()
    {
        var (api, browser, _) = await SignedInAsync("form-break");
        using (api)
        using (browser)
        {
            var before = RowCounts.Describe(await RowCounts.OfAsync(app.DataDir));

            var (_, html) = await browser.SubmitAsync("/guardrails", new Dictionary<string, string> { ["BreakFrom"] = "2026-12-01", ["BreakTo"] = "2026-12-02", ["BreakNote"] = "off\u001b[2J" }, "/guardrails?handler=AddBreak");

            html.ShouldContain("control characters");
            RowCounts.Describe(await RowCounts.OfAsync(app.DataDir)).ShouldBe(before);
        }
    }
}
