namespace Wane.Web.OpenApi;

/// <summary>Registers the API's OpenAPI description (served at <c>/openapi/v1.json</c>).</summary>
internal static class ContractServices
{
    public static IServiceCollection AddWaneOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            var contract = new ContractDocument();
            o.AddDocumentTransformer(contract);
            o.AddOperationTransformer(contract);
            o.AddSchemaTransformer(new ContractSchemas());
        });
}
