using Shouldly;

namespace Wane.Tests.Architecture;

/// <summary>
/// The feature areas depend one way (docs/architecture.md, ADR 0024): read from the built assembly, so a
/// dependency through a page, a view or a lambda counts as much as one through a constructor.
/// </summary>
public sealed class FeatureDependencyTests
{
    private static string WaneAssembly => typeof(Wane.Hosting.DataLocation).Assembly.Location;

    [Fact]
    public void FeatureAreas_DependOneWay_NoCycle()
    {
        var graph = FeatureGraph.Read(WaneAssembly);
        var cycle = FeatureGraph.FindCycle(graph);
        if (cycle is not null)
        {
            var because = string.Join("; ", cycle.Zip(cycle.Skip(1), (a, b) => graph[a][b]));
            Assert.Fail($"Feature areas depend on each other in a cycle: {string.Join(" → ", cycle)} ({because}).");
        }
    }

    [Fact]
    public void Graph_ReadsTheAreasAndTheirUses()
    {
        var graph = FeatureGraph.Read(WaneAssembly);
        graph.Keys.ShouldContain("Journal");
        graph.Keys.ShouldContain("Tapering");
        // Known edges, so a reader that saw nothing would fail here instead of passing the cycle test.
        graph["Journal"].Keys.ShouldContain("Tapering");
        graph["Trends"].Keys.ShouldContain("Journal");
        graph["Tapering"].Keys.ShouldContain("CheckIns");
    }

    [Fact]
    public void FindCycle_NamesTheCycle()
    {
        var graph = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["A"] = new(StringComparer.Ordinal) { ["B"] = "A uses B" },
            ["B"] = new(StringComparer.Ordinal) { ["C"] = "B uses C" },
            ["C"] = new(StringComparer.Ordinal) { ["A"] = "C uses A" },
            ["D"] = new(StringComparer.Ordinal) { ["A"] = "D uses A" },
        };
        FeatureGraph.FindCycle(graph).ShouldBe(["A", "B", "C", "A"]);
        graph["C"].Remove("A");
        FeatureGraph.FindCycle(graph).ShouldBeNull();
    }
}
