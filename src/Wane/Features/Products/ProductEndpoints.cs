namespace Wane.Features.Products;

/// <summary>The Products area's endpoints, each mapped by its use case.</summary>
internal static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");
        ProductQueries.MapProductQueryEndpoints(products);
        CreateProduct.MapCreateProductEndpoint(products);
        UpdateProduct.MapUpdateProductEndpoint(products);
        products.MapArchiveProductEndpoints();
        return api;
    }
}
