using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>Lists every string value of the descriptor with its path, for the secret scanners.</summary>
/// <remarks>All of them, including those the endpoint walk skips and both values of a duplicated key: a secret
/// is a finding wherever it sits.</remarks>
internal static class DescriptorStrings
{
    public static IReadOnlyList<DescriptorString> Collect(JsonElement root)
    {
        var strings = new List<DescriptorString>();
        Collect(root, JsonPathText.Root, strings);
        return strings.ToArray();
    }

    // Recursion is bounded: the input check refuses nesting deeper than DescriptorInput.MaxDepth.
    private static void Collect(JsonElement element, string path, List<DescriptorString> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(new DescriptorString(path, element.GetString()!));
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    Collect(member.Value, JsonPathText.Property(path, member.Name), strings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, JsonPathText.Index(path, index++), strings);
                }

                break;
        }
    }
}
