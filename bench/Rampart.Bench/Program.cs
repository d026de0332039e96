using System.Globalization;
using Rampart.Bench;

// Usage: dotnet run -c Release --project bench/Rampart.Bench -- [--apps N] [--endpoints N] [--rounds N] [--out FILE]
var settings = BenchSettings.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
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
