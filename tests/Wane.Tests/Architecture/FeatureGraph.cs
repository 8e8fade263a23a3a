using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wane.Tests.Architecture;

/// <summary>
/// The dependencies between the feature areas of the Wane assembly (<c>Wane.Features.&lt;Area&gt;</c>), read from its
/// IL: every type a feature type names in its base type, interfaces, attributes, fields, properties, method
/// signatures, locals and instructions (nested and compiler-made types count for the type that holds them).
/// </summary>
public static class FeatureGraph
{
    public const string Prefix = "Wane.Features.";

    /// <summary>Area → the areas it uses, each with one example of a use ("Type uses Type").</summary>
    public static SortedDictionary<string, SortedDictionary<string, string>> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var graph = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.Types)
        {
            if (AreaOf(type) is not { } area)
            {
                continue;
            }
            graph.TryAdd(area, new(StringComparer.Ordinal));
            foreach (var used in Uses(type))
            {
                if (AreaOf(used) is { } other && other != area)
                {
                    graph[area].TryAdd(other, $"{type.FullName} uses {used.FullName}");
                }
            }
        }
        return graph;
    }

    /// <summary>The first cycle found, as a path of areas that ends where it starts; null when the graph has none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, SortedDictionary<string, string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys : Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys)
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }

    private static string? AreaOf(TypeReference? type)
    {
        while (type is not null)
        {
            switch (type)
            {
                case GenericInstanceType g:
                    type = g.ElementType;
                    continue;
                case TypeSpecification s:
                    type = s.ElementType;
                    continue;
            }
            if (type.DeclaringType is { } outer)
            {
                type = outer;
                continue;
            }
            if (!type.Namespace.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }
            var rest = type.Namespace[Prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? rest : rest[..dot];
        }
        return null;
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is { } b)
        {
            foreach (var t in Expand(b)) { yield return t; }
        }
        foreach (var i in type.Interfaces)
        {
            foreach (var t in Expand(i.InterfaceType)) { yield return t; }
        }
        foreach (var t in Attributes(type.CustomAttributes)) { yield return t; }
        foreach (var f in type.Fields)
        {
            foreach (var t in Expand(f.FieldType)) { yield return t; }
            foreach (var t in Attributes(f.CustomAttributes)) { yield return t; }
        }
        foreach (var p in type.Properties)
        {
            foreach (var t in Expand(p.PropertyType)) { yield return t; }
            foreach (var t in Attributes(p.CustomAttributes)) { yield return t; }
        }
        foreach (var m in type.Methods)
        {
            foreach (var t in Expand(m.ReturnType)) { yield return t; }
            foreach (var t in Attributes(m.CustomAttributes)) { yield return t; }
            foreach (var p in m.Parameters)
            {
                foreach (var t in Expand(p.ParameterType)) { yield return t; }
                foreach (var t in Attributes(p.CustomAttributes)) { yield return t; }
            }
            if (!m.HasBody)
            {
                continue;
            }
            foreach (var v in m.Body.Variables)
            {
                foreach (var t in Expand(v.VariableType)) { yield return t; }
            }
            foreach (var instruction in m.Body.Instructions)
            {
                foreach (var t in Operand(instruction)) { yield return t; }
            }
        }
        foreach (var nested in type.NestedTypes)
        {
            foreach (var t in Uses(nested)) { yield return t; }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                foreach (var x in Expand(t)) { yield return x; }
                break;
            case MethodReference m:
                foreach (var x in Expand(m.DeclaringType)) { yield return x; }
                foreach (var x in Expand(m.ReturnType)) { yield return x; }
                foreach (var p in m.Parameters)
                {
                    foreach (var x in Expand(p.ParameterType)) { yield return x; }
                }
                if (m is GenericInstanceMethod g)
                {
                    foreach (var a in g.GenericArguments)
                    {
                        foreach (var x in Expand(a)) { yield return x; }
                    }
                }
                break;
            case FieldReference f:
                foreach (var x in Expand(f.DeclaringType)) { yield return x; }
                foreach (var x in Expand(f.FieldType)) { yield return x; }
                break;
        }
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes)
    {
        foreach (var a in attributes)
        {
            foreach (var t in Expand(a.AttributeType)) { yield return t; }
            foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(p => p.Argument)))
            {
                if (arg.Value is TypeReference tr)
                {
                    foreach (var t in Expand(tr)) { yield return t; }
                }
            }
        }
    }

    /// <summary>A type and the types inside it: element types, generic arguments, nested-in types.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        if (type is null)
        {
            yield break;
        }
        yield return type;
        switch (type)
        {
            case GenericInstanceType g:
                foreach (var a in g.GenericArguments)
                {
                    foreach (var t in Expand(a)) { yield return t; }
                }
                foreach (var t in Expand(g.ElementType)) { yield return t; }
                break;
            case TypeSpecification s:
                foreach (var t in Expand(s.ElementType)) { yield return t; }
                break;
        }
    }
}
