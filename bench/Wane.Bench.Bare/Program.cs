// The bare app `wane serve` is measured against: the default builder, one endpoint.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/healthz", () => "ok");
await app.RunAsync().ConfigureAwait(false);
