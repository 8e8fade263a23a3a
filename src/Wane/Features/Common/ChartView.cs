namespace Wane.Features.Common;

/// <summary>
/// A chart ready for a page: the SVG (server-rendered, no script, no inline style), a summary in words that
/// says what the chart shows, and the same figures as a table behind a disclosure. <c>Source</c> names where
/// bands or reference lines come from, when the chart draws any.
/// </summary>
public sealed record ChartView(
    string Id,
    string Title,
    string Svg,
    string Summary,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Source = null);
