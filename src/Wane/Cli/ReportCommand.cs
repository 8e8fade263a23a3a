using System.CommandLine;
using System.Globalization;
using Wane.Features.Common;
using Wane.Features.Reports;

namespace Wane.Cli;

/// <summary><c>wane report</c>: the report for an appointment as a PDF file (0600), the same as the API's.</summary>
internal static class ReportCommand
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var from = new Option<string?>("--from") { Description = "The first local day (YYYY-MM-DD; default 29 days before --to)" };
        var to = new Option<string?>("--to") { Description = "The last local day (default today)" };
        var output = new Option<string>("--out", "-o") { Description = "The PDF file to write", Required = true };
        root.Add(runtime.Command("report", "The report for an appointment, as a PDF: [--from] [--to] --out FILE", [from, to, output], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var outcome = await host.Get<GetReport>().HandleAsync(user.Id, parse.GetValue(from), parse.GetValue(to), ct).ConfigureAwait(false);
            if (outcome is Outcome<ReportView>.Invalid invalid)
            {
                throw new CliException(invalid.Errors);
            }
            var view = ((Outcome<ReportView>.Ok)outcome).Value;
            var pdf = ReportPdf.Render(view);
            var full = Path.GetFullPath(parse.GetValue(output)!);
            await using (var file = ExportCommand.OwnerOnlyFile(full))
            {
                await file.WriteAsync(pdf, ct).ConfigureAwait(false);
            }
            await host.Console.Error.WriteLineAsync(
                $"Wrote the report of {view.From} to {view.To} to {full} ({pdf.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes).").ConfigureAwait(false);
        }));
    }
}
