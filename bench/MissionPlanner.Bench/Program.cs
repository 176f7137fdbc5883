using MissionPlanner.Bench;

// bench/run.sh [foundation|email|registration|documents|scheduling|meetings|transfers|rooms|all] [options]; every figure stands beside a baseline measured in the same run.
var which = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "all";
var rest = which == "all" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
Console.WriteLine($"MissionPlanner benchmarks · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · .NET {Environment.Version}");
Console.WriteLine();
if (which is "foundation" or "all")
{
    await FoundationBench.RunAsync(rest);
}

if (which is "email" or "all")
{
    await EmailBench.RunAsync(rest);
}

if (which is "registration" or "all")
{
    await RegistrationBench.RunAsync(rest);
}

if (which is "documents" or "all")
{
    await DocumentBench.RunAsync(rest);
}

if (which is "scheduling" or "all")
{
    await SchedulingBench.RunAsync(rest);
}

if (which is "meetings" or "scheduling" or "all")
{
    await MeetingBench.RunAsync(rest);
}

if (which is "transfers" or "scheduling" or "all")
{
    await TransferBench.RunAsync(rest);
}

if (which is "rooms" or "scheduling" or "all")
{
    await RoomBench.RunAsync(rest);
}
