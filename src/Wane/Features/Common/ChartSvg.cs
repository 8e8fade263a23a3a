using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using ScottPlot;
using Wane.Domain.Time;

namespace Wane.Features.Common;

/// <summary>
/// ScottPlot set up for Wane's pages, and its SVG made fit for them: sized by its view box (it scales to the
/// column), drawn in <c>currentColor</c> so it follows the page's light or dark scheme and prints in black,
/// element ids made unique per chart, coordinates rounded to a tenth of a pixel, and no style attribute (the
/// Content-Security-Policy forbids inline style; presentation attributes are allowed).
/// </summary>
internal static partial class ChartSvg
{
    public const int Width = 360;
    public const int Height = 230;

    /// <summary>Stands for the text colour; replaced by <c>currentColor</c>.</summary>
    public static readonly Color Ink = Color.FromHex("#010203");

    /// <summary>Data colours with at least 3:1 contrast on both the light and the dark page background.</summary>
    public static readonly Color Kratom = Color.FromHex("#3B7FB8");
    public static readonly Color Opioid = Color.FromHex("#C2571A");
    public static readonly Color Cap = Color.FromHex("#C0392B");
    public static readonly Color Shade = Color.FromHex("#808080").WithAlpha(0.22);

    public static Plot NewPlot()
    {
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        plt.FigureBackground.Color = Colors.Transparent;
        plt.DataBackground.Color = Colors.Transparent;
        plt.Axes.Color(Ink);
        plt.Grid.MajorLineColor = Ink.WithAlpha(0.12);
        plt.Axes.Right.FrameLineStyle.Width = 0;
        plt.Axes.Top.FrameLineStyle.Width = 0;
        foreach (var axis in new ScottPlot.IAxis[] { plt.Axes.Bottom, plt.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = 12;
            axis.Label.FontSize = 12;
            axis.Label.Bold = false;
        }
        plt.Legend.BackgroundColor = Colors.Transparent;
        plt.Legend.OutlineColor = Colors.Transparent;
        plt.Legend.FontColor = Ink;
        plt.Legend.FontSize = 12;
        plt.Legend.ShadowColor = Colors.Transparent;
        return plt;
    }

    /// <summary>Day ticks along the bottom: every <paramref name="every"/>th day from <paramref name="from"/>, as "25 Nov".</summary>
    public static void DayTicks(Plot plt, LocalDate from, int count, int every)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < count; i += every)
        {
            positions.Add(i);
            labels.Add(Short(from.PlusDays(i)));
        }
        plt.Axes.Bottom.SetTicks([.. positions], [.. labels]);
    }

    public static string Short(LocalDate date) => date.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Render(Plot plt, string id)
    {
        var svg = plt.GetSvgXml(Width, Height);
        svg = XmlDeclaration().Replace(svg, "");
        svg = Root().Replace(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-sum\" fill=\"currentColor\">", 1);
        svg = svg.Replace("\"#010203\"", "\"currentColor\"", StringComparison.Ordinal)
            .Replace("\"black\"", "\"currentColor\"", StringComparison.Ordinal)
            .Replace("font-family=\"DejaVu Sans\"", "font-family=\"DejaVu Sans,sans-serif\"", StringComparison.Ordinal)
            .Replace("id=\"", $"id=\"{id}-", StringComparison.Ordinal)
            .Replace("url(#", $"url(#{id}-", StringComparison.Ordinal);
        svg = Decimals().Replace(svg, "$1");
        return Whitespace().Replace(svg, "\n").Trim();
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg [^>]*>")]
    private static partial Regex Root();

    [GeneratedRegex(@"(\d\.\d)\d+")]
    private static partial Regex Decimals();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Whitespace();

    /// <summary>"12 Nov" for a date written 2026-11-12.</summary>
    public static string Words(string date) => TimeText.ParseDate(date) is { } d ? Short(d) : date;
}
