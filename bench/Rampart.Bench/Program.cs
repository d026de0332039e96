using System.Globalization;
using Rampart.Bench;

// Usage: dotnet run -c Release --project bench/Rampart.Bench -- [connect|tls|ingest|tickets --connection CS] [--apps N] [--endpoints N] [--rounds N] [--out FILE]
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
    Console.WriteLine(await TlsBenchmark.RunAsync(cancel.Token));
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
