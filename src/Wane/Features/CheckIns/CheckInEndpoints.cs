namespace Wane.Features.CheckIns;

/// <summary>The CheckIns area's endpoints, each mapped by its use case.</summary>
internal static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckInEndpoints(this RouteGroupBuilder api)
    {
        var checkins = api.MapGroup("/checkins").WithTags("Check-ins");
        AddCheckIn.MapAddCheckInEndpoint(checkins);
        ListCheckIns.MapListCheckInsEndpoint(checkins);
        return api;
    }
}
