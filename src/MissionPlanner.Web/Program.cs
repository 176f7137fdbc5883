using MissionPlanner.Web.Hosting;

return await Cli.RunAsync(args);

/// <summary>Entry point; public so the test host can start it.</summary>
public partial class Program;
