namespace Rampart.Forge.Analysis;

/// <summary>The walk's one question about an expression's recorded names: does any of them hold what the flow tracks?</summary>
internal static class NameSets
{
    public static bool AnyIn(string[] names, HashSet<string> set)
    {
        if (set.Count == 0)
        {
            return false;
        }

        foreach (var name in names)
        {
            if (set.Contains(name))
            {
                return true;
            }
        }

        return false;
    }
}
