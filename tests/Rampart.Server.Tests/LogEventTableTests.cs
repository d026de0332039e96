using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Rampart.Server.Tests;

/// <summary>
/// The event id table in docs/architecture.md §4.5 is the operators' reference: it must list exactly the
/// <c>[LoggerMessage]</c> methods of <c>TrackingLog</c> and <c>ServerLog</c>, with their ids, names, levels and
/// fields, and each class must keep to its id range.
/// </summary>
public sealed partial class LogEventTableTests
{
    [Fact]
    public void The_documented_event_table_is_the_one_the_code_logs_with()
    {
        var classes = new[]
        {
            (Type: typeof(Rampart.Tracking.TrackingDatabase).Assembly.GetType("Rampart.Tracking.TrackingLog", throwOnError: true)!, Min: 1000, Max: 1999),
            (Type: typeof(RampartServer).Assembly.GetType("Rampart.Server.ServerLog", throwOnError: true)!, Min: 2000, Max: 2999),
        };
        var code = new List<string>();
        foreach (var (type, min, max) in classes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is not { } message)
                {
                    continue;
                }

                message.EventId.ShouldBeInRange(min, max, $"{type.Name}.{method.Name}");
                message.EventName.ShouldBe(method.Name, $"{type.Name}.{method.Name}: the event name is the method's");
                var fields = Placeholder().Matches(message.Message).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
                code.Add($"{message.EventId} {message.EventName} {message.Level} {string.Join(",", fields)}");
            }
        }

        code.Select(c => c.Split(' ')[0]).ShouldBeUnique();
        var table = File.ReadAllLines(Repository.Path("docs", "architecture.md"))
            .SkipWhile(l => !l.StartsWith("### 4.5 ", StringComparison.Ordinal))
            .Select(l => Row().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["id"].Value} {m.Groups["name"].Value} {m.Groups["level"].Value} "
                + string.Join(",", Note().Replace(m.Groups["fields"].Value, "").Split(',').Select(f => f.Trim())
                    .Where(f => f.Length > 0).Order(StringComparer.Ordinal)))
            .ToList();

        table.ShouldBe(code.Order(StringComparer.Ordinal).ToList(), ignoreOrder: true);
        table.ShouldBe(table.Order(StringComparer.Ordinal).ToList(), "the table lists the events by id");
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    /// <summary>A parenthesised note in the fields column (the reasons a field takes, "(exception)").</summary>
    [GeneratedRegex(@"\([^)]*\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Note();

    [GeneratedRegex(@"^\| (?<id>\d{4}) \| (?<name>\w+) \| (?<level>\w+) \| (?<fields>[^|]*) \|", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Row();
}
