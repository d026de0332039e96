using System.Globalization;
using Rampart.Bench;

// Usage: dotnet run -c Release --project bench/Rampart.Bench -- [connect] [--apps N] [--endpoints N] [--rounds N] [--out FILE]
//        dotnet run -c Release --project bench/Rampart.Bench -- tls [--runs N]
//        dotnet run -c Release --project bench/Rampart.Bench -- forge [LINES] [ROUNDS]
//        dotnet run -c Release --project bench/Rampart.Bench -- ingest [--reports N] [--findings N] [--parallel N] [--db sqlite|postgres]
//        dotnet run -c Release --project bench/Rampart.Bench -- tickets --connection CS
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
if (args.Length > 0 && args[0] == "tickets")
{
    var tickets = await TicketQueryBenchmark.RunAsync(TicketQueryBenchmark.Settings.Parse(args[1..]), cancel.Token);
    Console.WriteLine(tickets);
    return 0;
}

if (args.Length > 0 && args[0] == "ingest")
{
    var table = await IngestBenchmark.RunAsync(args[1..], cancel.Token);
    Console.WriteLine(table);
    return 0;
}

if (args.Length > 0 && args[0] == "tls")
{
    var runs = args.Length == 3 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    Console.WriteLine(await TlsBenchmark.RunAsync(runs, cancel.Token));
    return 0;
}

if (args.Length > 0 && args[0] == "forge")
{
    var lines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    Console.WriteLine(await ForgeBenchmark.RunAsync(lines, rounds, cancel.Token));
    return 0;
}

var settings = BenchSettings.Parse(args.Length > 0 && args[0] == "connect" ? args[1..] : args);
var result = await ConnectScanBenchmark.RunAsync(settings, cancel.Token);
var markdown = result.ToMarkdown();
Console.WriteLine(markdown);
if (settings.Output is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    await File.WriteAllTextAsync(path, markdown, cancel.Token);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}"));
}

return 0;
