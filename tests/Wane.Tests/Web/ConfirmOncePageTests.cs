using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Features.Journal;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>
/// Confirm-once (ADR 0023): the log form evaluates a dose once; "Log anyway" stores that evaluation after one small
/// check that the journal did not change, re-advises when it did, and refuses a confirmation that was altered.
/// </summary>
public sealed partial class ConfirmOncePageTests(WaneApp app) : IClassFixture<WaneApp>
{
    // 10:00 in New York: two hours after a dose at 08:00, so R1 (let it wear off) asks before logging.
    private async Task<(Browserless Browser, HttpClient Api, Dictionary<string, string> Form)> AskedAsync()
    {
        var name = "once-" + Guid.NewGuid().ToString("N")[..8];
        var api = await app.NewUserClientAsync("America/New_York", name);
        var bali = await api.CreateProductAsync(Intents.RedBali);
        await api.LogDoseOkAsync(new { productId = bali, amount = 2, unit = "g", takenAt = "2026-11-25T08:00:00-05:00" });
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        var form = new Dictionary<string, string>
        {
            ["Input.ProductId"] = bali.ToString(CultureInfo.InvariantCulture), ["Input.Amount"] = "2", ["Input.Unit"] = "g",
            ["Input.ClientId"] = Guid.NewGuid().ToString(),
        };
        return (browser, api, form);
    }

    private static Dictionary<string, string> Confirming(Dictionary<string, string> form, string html) =>
        new(form) { ["Confirmed"] = "true", [PendingDoseTicket.Field] = Ticket().Match(html).Groups[1].Value };

    [Fact]
    public async Task LogAnyway_StoresTheDoseOnce_WithOneEvaluation()
    {
        var (browser, api, form) = await AskedAsync();
        using (browser)
        using (api)
        {
            using var reads = new Evaluations(app.Services);
            var (asked, html) = await browser.SubmitAsync("/", form);
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
            html.ShouldContain("Before you log this dose");
            Ticket().IsMatch(html).ShouldBeTrue();
            (await api.DoseCountAsync()).ShouldBe(1);

            var (logged, page) = await browser.PostFromAsync(html, "/", Confirming(form, html));

            logged.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("id=\"logged\"");
            page.ShouldContain("data-rule=\"R1\"");
            (await api.DoseCountAsync()).ShouldBe(2);
            // The preview evaluated the dose (one window read); "Log anyway" only checked its stamp.
            reads.Count.ShouldBe(1);

            // The same confirmation sent again (a double tap) finds the dose by its client id: stored once.
            await browser.PostFromAsync(html, "/", Confirming(form, html));
            (await api.DoseCountAsync()).ShouldBe(2);
        }
    }

    [Fact]
    public async Task LogAnyway_AfterAnotherDoseWasLogged_AdvisesAgainAndStoresNothing()
    {
        var (browser, api, form) = await AskedAsync();
        using (browser)
        using (api)
        {
            var (_, html) = await browser.SubmitAsync("/", form);
            html.ShouldContain("Before you log this dose");
            // Meanwhile, from another device: a dose at 09:00.
            await api.LogDoseOkAsync(new { productId = long.Parse(form["Input.ProductId"], CultureInfo.InvariantCulture), amount = 2, unit = "g", takenAt = "2026-11-25T09:00:00-05:00" });

            var (response, page) = await browser.PostFromAsync(html, "/", Confirming(form, html));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("id=\"readvised\"");
            page.ShouldContain("Before you log this dose");
            page.ShouldNotContain("id=\"logged\"");
            (await api.DoseCountAsync()).ShouldBe(2);

            // The new advice's confirmation stores it.
            await browser.PostFromAsync(page, "/", Confirming(form, page));
            (await api.DoseCountAsync()).ShouldBe(3);
        }
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("garbage")]
    [InlineData("other-person")]
    public async Task LogAnyway_WithAnAlteredConfirmation_IsRefusedNamingTheField(string how)
    {
        var (browser, api, form) = await AskedAsync();
        using (browser)
        using (api)
        {
            var (_, html) = await browser.SubmitAsync("/", form);
            var confirming = Confirming(form, html);
            var ticket = confirming[PendingDoseTicket.Field];
            confirming[PendingDoseTicket.Field] = how switch
            {
                "flip" => ticket[..10] + (ticket[10] == 'A' ? 'B' : 'A') + ticket[11..],
                "garbage" => "not-a-ticket",
                _ => await OtherPersonsTicketAsync(),
            };

            var (response, page) = await browser.PostFromAsync(html, "/", confirming);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            page.ShouldContain($"id=\"{PendingDoseTicket.Field}-error\"");
            page.ShouldContain("This confirmation could not be read");
            (await api.DoseCountAsync()).ShouldBe(1);
        }
    }

    private async Task<string> OtherPersonsTicketAsync()
    {
        var (browser, api, form) = await AskedAsync();
        using (browser)
        using (api)
        {
            var (_, html) = await browser.SubmitAsync("/", form);
            return Ticket().Match(html).Groups[1].Value;
        }
    }

    [GeneratedRegex("name=\"confirm\" value=\"([^\"]+)\"")]
    private static partial Regex Ticket();

    /// <summary>Counts the guardrails' evaluations (each one window read) of this app only (its own meter factory).</summary>
    private sealed class Evaluations : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public Evaluations(IServiceProvider services)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (i, l) =>
            {
                if (ReferenceEquals(i.Meter.Scope, factory) && i.Name == "wane.guardrails.evaluations")
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref _count, v));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
