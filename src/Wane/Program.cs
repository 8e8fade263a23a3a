using Wane.Cli;

// One executable: `wane serve` runs the web app and API; every other verb works on the local database.
return await WaneCli.RunAsync(args, CliConsole.System()).ConfigureAwait(false);
