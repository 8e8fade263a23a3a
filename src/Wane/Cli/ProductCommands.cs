using System.CommandLine;
using Spectre.Console;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Units;
using Wane.Features.Products;
using Wane.Features.Common;

namespace Wane.Cli;

/// <summary><c>wane products add|list|favourites|archive|unarchive|delete</c>.</summary>
internal static class ProductCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var name = new Argument<string>("name") { Description = "Product name, e.g. \"Red Bali\"" };
        var kind = new Option<string>("--kind") { Description = "kratom, opioid or other", DefaultValueFactory = _ => "kratom" };
        var form = new Option<string>("--form") { Description = string.Join(", ", WireName.All<ProductForm>()), DefaultValueFactory = _ => "powder" };
        var strain = new Option<string?>("--strain") { Description = "Strain (kratom)" };
        var opioid = new Option<string?>("--opioid") { Description = string.Join(", ", WireName.All<Domain.Opioids.OpioidName>()) };
        var otherClass = new Option<string?>("--other-class") { Description = string.Join(", ", WireName.All<OtherClass>()) };
        var gpc = new Option<string?>("--grams-per-capsule") { Description = "Grams per capsule (kratom capsules)" };
        var gpt = new Option<string?>("--grams-per-teaspoon") { Description = "Weight of a level teaspoon, in grams" };
        var mpt = new Option<string?>("--mg-per-tablet") { Description = "Strength per tablet or capsule, in mg" };
        var mpm = new Option<string?>("--mg-per-ml") { Description = "Strength of a liquid, in mg per ml" };
        var sevenOh = new Option<bool>("--concentrated-7oh") { Description = "A concentrated 7-OH product (high risk)" };
        var outOfStock = new Option<bool>("--out-of-stock") { Description = "Not in stock now" };
        var batch = new Option<string?>("--batch") { Description = "Batch or lot label" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };

        var products = new Command("products", "Your products (stash)");
        products.Add(runtime.Command("add", "Add a product", [name, kind, form, strain, opioid, otherClass, gpc, gpt, mpt, mpm, sevenOh, outOfStock, batch], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var errors = new List<FieldError>();
            var draft = new ProductDraft(parse.GetValue(name), parse.GetValue(kind), parse.GetValue(strain), parse.GetValue(form),
                parse.GetValue(opioid), parse.GetValue(otherClass),
                Number(parse.GetValue(gpc), "gramsPerCapsule", errors), Number(parse.GetValue(gpt), "gramsPerTeaspoon", errors),
                Number(parse.GetValue(mpt), "mgPerTablet", errors), Number(parse.GetValue(mpm), "mgPerMl", errors),
                parse.GetValue(sevenOh), !parse.GetValue(outOfStock), parse.GetValue(batch));
            if (errors.Count > 0)
            {
                throw new CliException(errors);
            }
            switch (await host.Get<CreateProduct>().CreateAsync(user.Id, draft, ct).ConfigureAwait(false))
            {
                case Outcome<Product>.Ok ok:
                    host.Console.Out.WriteLine($"Added product {ok.Value.Id}: {ok.Value.Name} ({WireName.Of(ok.Value.Kind)}, {WireName.Of(ok.Value.Form)}).");
                    break;
                case Outcome<Product>.Invalid bad:
                    throw new CliException(bad.Errors);
            }
        }));
        products.Add(runtime.Command("list", "List your products", [json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var list = (await host.Get<ProductQueries>().ListAsync(user.Id, ct).ConfigureAwait(false)).Select(ProductView.From).ToArray();
            if (parse.GetValue(json))
            {
                host.WriteJson(list);
                return;
            }
            if (list.Length == 0)
            {
                host.Console.Out.WriteLine("No products yet. Add one with: wane products add NAME --kind kratom --form powder");
                return;
            }
            var table = new Table().AddColumns("Id", "Name", "Kind", "Form", "Strain / opioid", "Units", "In stock", "Archived");
            foreach (var p in list)
            {
                table.AddRow(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SafeWriter.Markup(p.Name), p.Kind, p.Form,
                    SafeWriter.Markup(p.Strain ?? p.Opioid ?? p.OtherClass ?? ""), string.Join(" ", p.Units), p.InStock ? "yes" : "no", p.Archived ? "yes" : "");
            }
            host.Console.Ansi().Write(table);
        }));
        var favProduct = new Argument<string>("product") { Description = "Product name or id" };
        var favAmounts = new Argument<string[]>("amounts") { Description = "Up to five amounts with units, e.g. 2g 3g or \"1 tablet\" (none: show them)", Arity = ArgumentArity.ZeroOrMore };
        var clear = new Option<bool>("--clear") { Description = "Remove every favourite amount" };
        products.Add(runtime.Command("favourites", "Show or set a product's favourite amounts (one-tap choices in the log form)", [favProduct, favAmounts, clear], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var product = await host.Get<ProductQueries>().FindAsync(user.Id, parse.GetValue(favProduct)!, ct).ConfigureAwait(false)
                ?? throw new CliException($"product: you have no product \"{parse.GetValue(favProduct)}\". See: wane products list");
            var given = parse.GetValue(favAmounts) ?? [];
            if (given.Length == 0 && !parse.GetValue(clear))
            {
                var current = FavouriteAmounts.Parse(product.Favourites);
                host.Console.Out.WriteLine(current.Count == 0
                    ? $"{product.Name} has no favourite amounts. Set some with: wane products favourites \"{product.Name}\" 2g 3g"
                    : $"{product.Name}: {string.Join(", ", current)}");
                return;
            }
            if (given.Length > 0 && parse.GetValue(clear))
            {
                throw new CliException("favourites: give amounts or --clear, not both.");
            }
            var (items, errors) = SetFavourites.ParseList(given);
            if (errors.Count > 0)
            {
                throw new CliException(errors);
            }
            switch (await host.Get<SetFavourites>().HandleAsync(user.Id, product.Id, items, ct).ConfigureAwait(false))
            {
                case Outcome<Product>.Ok ok:
                    var saved = FavouriteAmounts.Parse(ok.Value.Favourites);
                    host.Console.Out.WriteLine(saved.Count == 0 ? $"{ok.Value.Name}: no favourite amounts." : $"{ok.Value.Name}: {string.Join(", ", saved)}");
                    break;
                case Outcome<Product>.Invalid bad:
                    throw new CliException(bad.Errors);
                default:
                    throw new CliException("product: not found.");
            }
        }));
        AddRetire(products, runtime);
        root.Add(products);
    }

    private static void AddRetire(Command products, CliRuntime runtime)
    {
        foreach (var (verb, archived, description) in new[]
        {
            ("archive", true, "Archive a product: it leaves the log form and the one-tap choices; its doses stay"),
            ("unarchive", false, "Bring an archived product back to the log form"),
        })
        {
            var which = new Argument<string>("product") { Description = "Product name or id" };
            products.Add(runtime.Command(verb, description, [which], async (host, parse, ct) =>
            {
                var product = await FindAsync(host, parse, parse.GetValue(which)!, ct).ConfigureAwait(false);
                if (await host.Get<ArchiveProduct>().HandleAsync(host.UserId!, product.Id, archived, ct).ConfigureAwait(false) is not Outcome<Product>.Ok ok)
                {
                    throw new CliException("product: not found.");
                }
                host.Console.Out.WriteLine(archived
                    ? $"Archived {ok.Value.Name}: it is no longer offered when you log a dose; its doses stay."
                    : $"{ok.Value.Name} is back in the log form.");
            }));
        }
        var gone = new Argument<string>("product") { Description = "Product name or id" };
        products.Add(runtime.Command("delete", "Delete a product no dose uses (one with doses: archive it instead)", [gone], async (host, parse, ct) =>
        {
            var product = await FindAsync(host, parse, parse.GetValue(gone)!, ct).ConfigureAwait(false);
            switch (await host.Get<DeleteProduct>().HandleAsync(host.UserId!, product.Id, ct).ConfigureAwait(false))
            {
                case Outcome<bool>.Ok:
                    host.Console.Out.WriteLine($"Deleted product {product.Id}: {product.Name}.");
                    break;
                case Outcome<bool>.Conflict c:
                    throw new CliException($"product: {c.Title} See: wane products archive {product.Id}");
                default:
                    throw new CliException("product: not found.");
            }
        }));
    }

    private static async Task<Product> FindAsync(CliHost host, ParseResult parse, string idOrName, CancellationToken ct)
    {
        var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
        host.UserId = user.Id;
        return await host.Get<ProductQueries>().FindAsync(user.Id, idOrName, ct).ConfigureAwait(false)
            ?? throw new CliException($"product: you have no product \"{idOrName}\". See: wane products list");
    }

    internal static decimal? Number(string? text, string field, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (AmountText.TryParse(text, out var v, out var error))
        {
            return v;
        }
        errors.Add(new(field, error!));
        return null;
    }
}
