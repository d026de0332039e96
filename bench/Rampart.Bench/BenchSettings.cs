using System.Globalization;

namespace Rampart.Bench;

/// <summary>Benchmark parameters; the defaults are the ones bench/RESULTS.md reports.</summary>
internal sealed record BenchSettings(int Apps, int Endpoints, int Rounds, string? Output)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(Apps: 10, Endpoints: 50, Rounds: 3, Output: null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--apps" => settings with { Apps = int.Parse(value, CultureInfo.InvariantCulture) },
                "--endpoints" => settings with { Endpoints = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rounds" => settings with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => settings with { Output = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return settings;
    }
}
